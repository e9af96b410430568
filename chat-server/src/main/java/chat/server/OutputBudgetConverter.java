package chat.server;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads the server's output budget: a size ("256m", "1g", "65536") or a share of the maximum heap
 * ("25%" of what -Xmx allows), so that the budget follows the heap the server was started with.
 */
final class OutputBudgetConverter implements CommandLine.ITypeConverter<Long> {
    private static final long KIB = 1024;

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The same reading outside picocli (the default in ServerConfig). */
    static long parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("%")) {
                double percent = Double.parseDouble(text.substring(0, text.length() - 1));
                if (!(percent > 0 && percent <= 100)) {
                    throw new CommandLine.TypeConversionException("'" + value + "' must be a share between 0% and 100%");
                }
                return (long) (Runtime.getRuntime().maxMemory() * (percent / 100));
            }
            long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
                case 'k' -> KIB;
                case 'm' -> KIB * KIB;
                case 'g' -> KIB * KIB * KIB;
                default -> 1;
            };
            long amount = Long.parseLong(unit == 1 ? text : text.substring(0, text.length() - 1));
            if (amount <= 0 || amount > Long.MAX_VALUE / unit) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a positive size");
            }
            return amount * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size such as 256m or 1g, or a share of the heap such as 25%");
        }
    }
}
