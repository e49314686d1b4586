package org.medoc.ui.base;

import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.function.SerializableFunction;

/** Converters for binding text fields: trimmed text with blank as no value, and text read by a domain parser. */
public final class TextConverters {

    private TextConverters() {
    }

    /** Trimmed text; a blank field is no value (null) and no value shows as an empty field. */
    public static Converter<String, String> blankAsNull() {
        return Converter.from(text -> text == null || text.isBlank() ? null : text.strip(), value -> value == null ? "" : value,
                Exception::getMessage);
    }

    /**
     * Text read by a parser that throws with a message naming what it could not read (a line, a range): that message
     * becomes the field's error.
     */
    public static <T> Converter<String, T> parsed(SerializableFunction<String, T> read, SerializableFunction<T, String> write) {
        return Converter.from(read, write, Exception::getMessage);
    }
}
