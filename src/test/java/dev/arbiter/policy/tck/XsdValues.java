package dev.arbiter.policy.tck;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/**
 * Reads a TCK value ({@code valueType}: a typed {@code <value>}, {@code <component>}s or a {@code <list>}) in one of
 * two {@link Form}s: as the plain Java a Java caller would hand the service, or as a JSON body would carry it.
 * Turning either into FEEL values is the service's job ({@link dev.arbiter.policy.FeelValues}).
 */
final class XsdValues {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** A time of day or date-time ending with a zone offset: Z, +hh:mm or -hh:mm. */
    private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d\\d:\\d\\d)$");
    /** A duration with years or months (before any T): xsd:yearMonthDuration's range in FEEL. */
    private static final Pattern YEARS_MONTHS = Pattern.compile("-?P(\\d+Y)?(\\d+M)?");

    /** How simple values are given. */
    enum Form {
        /**
         * BigDecimal (xsd:decimal) or Double, String, Boolean, LocalDate, LocalTime or OffsetTime, LocalDateTime or
         * OffsetDateTime, Period (years and months) or Duration (days and time).
         */
        JAVA,
        /**
         * As Jackson reads a JSON body: Integer, Long or BigInteger for whole numbers, Double for others (BigDecimal
         * when a double cannot hold the digits), String, Boolean; dates, times and durations as their ISO text.
         */
        JSON
    }

    private XsdValues() {
    }

    /** @return the value held by {@code element}, an element of type {@code valueType}, in Java form */
    static Object read(Element element) {
        return read(element, Form.JAVA);
    }

    /** @return the value held by {@code element}, an element of type {@code valueType} */
    static Object read(Element element, Form form) {
        if (isNil(element)) {
            return null;
        }
        List<Element> components = new ArrayList<>();
        for (Element child : TckXml.children(element)) {
            switch (child.getLocalName()) {
                case "value" -> {
                    return isNil(child) ? null : simple(child, form);
                }
                case "list" -> {
                    return isNil(child) ? null : list(child, form);
                }
                case "component" -> components.add(child);
                default -> {
                    // extensionElements: not a value
                }
            }
        }
        return components.isEmpty() ? null : context(components, form);
    }

    private static List<Object> list(Element list, Form form) {
        List<Object> items = new ArrayList<>();
        for (Element item : TckXml.children(list)) {
            if ("item".equals(item.getLocalName())) {
                items.add(read(item, form));
            }
        }
        return items;
    }

    private static Map<String, Object> context(List<Element> components, Form form) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (Element component : components) {
            context.put(component.getAttribute("name"), read(component, form));
        }
        return context;
    }

    private static boolean isNil(Element element) {
        String nil = element.getAttributeNS(XSI, "nil");
        return "true".equals(nil) || "1".equals(nil);
    }

    private static Object simple(Element value, Form form) {
        String text = value.getTextContent();
        String type = value.getAttributeNS(XSI, "type");
        if (type.isEmpty()) {
            return text;
        }
        String xsdType = type.substring(type.indexOf(':') + 1);
        Object java = parse(xsdType, text);
        if (form == Form.JAVA || java instanceof String || java instanceof Boolean) {
            return java;
        }
        return java instanceof Number number ? JsonNumbers.asJackson(number) : text.trim();
    }

    /** @return {@code text} read as the XML Schema type {@code xsdType} (its local name, e.g. {@code decimal}) */
    static Object parse(String xsdType, String text) {
        String trimmed = text.trim();
        return switch (xsdType) {
            case "string" -> text;
            case "decimal" -> new BigDecimal(trimmed);
            case "double" -> xsdDouble(trimmed);
            case "boolean" -> xsdBoolean(trimmed);
            case "date" -> LocalDate.parse(trimmed);
            case "time" -> OFFSET.matcher(trimmed).matches() ? OffsetTime.parse(trimmed) : LocalTime.parse(trimmed);
            case "dateTime" -> OFFSET.matcher(trimmed).matches() ? OffsetDateTime.parse(trimmed) : LocalDateTime.parse(trimmed);
            case "duration" -> YEARS_MONTHS.matcher(trimmed).matches() ? Period.parse(trimmed) : Duration.parse(trimmed);
            default -> throw new IllegalArgumentException("Unsupported xsi:type xsd:" + xsdType + " for '" + text + "'");
        };
    }

    private static Boolean xsdBoolean(String text) {
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("Not an xsd:boolean: '" + text + "'");
        };
    }

    private static Double xsdDouble(String text) {
        return switch (text) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(text);
        };
    }
}
