package chat.server;

import java.util.Locale;
import picocli.CommandLine;

/** Reads "65536", "64k" or "1m" as a byte count (k and m are 1024 and 1024*1024). */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return parse(value);
    }

    /** The same reading outside picocli (the defaults in ServerConfig). */
    static int parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("k") || text.endsWith("m")) {
            unit = text.endsWith("k") ? 1024 : 1024 * 1024;
            text = text.substring(0, text.length() - 1);
        }
        try {
            long bytes = Long.parseLong(text) * unit;
            if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be between 1 byte and 2g");
            }
            return (int) bytes;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size such as 65536, 64k or 1m");
        }
    }
}
