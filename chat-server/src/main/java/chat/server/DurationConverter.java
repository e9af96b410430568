package chat.server;

import java.util.Locale;
import picocli.CommandLine;

/** Reads "90", "90s", "500ms", "2m", "1h" or "30d" as milliseconds (a bare number is seconds). */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The same reading outside picocli (the defaults in ServerConfig). */
    public static long parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        long unitMillis = 1000;
        String number = text;
        if (text.endsWith("ms")) {
            unitMillis = 1;
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            number = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            unitMillis = 60_000;
            number = text.substring(0, text.length() - 1);
        } else if (text.endsWith("h")) {
            unitMillis = 3_600_000;
            number = text.substring(0, text.length() - 1);
        } else if (text.endsWith("d")) {
            unitMillis = 86_400_000;
            number = text.substring(0, text.length() - 1);
        }
        try {
            double amount = Double.parseDouble(number);
            if (amount <= 0 || Double.isInfinite(amount)) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
            }
            return Math.max(1, Math.round(amount * unitMillis));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 30s, 500ms or 2m");
        }
    }
}
