package org.fcredirect.json;

/** What a {@link JsonReader} finds next. */
public enum JsonToken {
    BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, STRING, NUMBER, BOOLEAN, NULL, END_DOCUMENT
}
