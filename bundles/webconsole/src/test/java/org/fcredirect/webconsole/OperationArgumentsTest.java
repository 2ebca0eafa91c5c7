package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanParameterInfo;
import org.junit.jupiter.api.Test;

class OperationArgumentsTest {

    private static MBeanParameterInfo[] signature(String... types) {
        return Arrays.stream(types).map(t -> new MBeanParameterInfo("p" + t, t, "")).toArray(MBeanParameterInfo[]::new);
    }

    @Test
    void formValuesBecomeTheParameterTypes() {
        Object[] args = OperationArguments.convert(signature("int", "long", "java.lang.String", "boolean", "double", "java.lang.Short"),
                List.of(" 10 ", "9000000000", "20:00:00:25:b5:0a:00:01", "true", "2.5", "7"));
        assertArrayEquals(new Object[] {10, 9_000_000_000L, "20:00:00:25:b5:0a:00:01", true, 2.5, (short) 7}, args);
    }

    @Test
    void jsonNumbersAndBooleansAreTakenToo() {
        Object[] args = OperationArguments.convert(signature("java.lang.Integer", "java.lang.Boolean", "float", "byte"),
                List.of(new BigDecimal("3"), false, new BigDecimal("0.5"), new BigDecimal("-128")));
        assertArrayEquals(new Object[] {3, false, 0.5f, (byte) -128}, args);
    }

    @Test
    void badValuesNameTheirParameter() {
        assertEquals("pint: an int expected, got 'ten'",
                assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("int"), List.of("ten"))).getMessage());
        assertEquals("pint: out of range for int: 3000000000",
                assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("int"), List.of("3000000000"))).getMessage());
        assertEquals("plong: out of range for long: 1.5",
                assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("long"), List.of("1.5"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("long"), List.of("1e999999999")));
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("long"), List.of("")));
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("double"), List.of("NaN")));
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("double"), List.of("1e400")));
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("boolean"), List.of("yes")));
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("java.lang.String"), List.of(new BigDecimal("1"))));
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature("java.lang.String"), List.of(List.of())));
        assertEquals("pint: a value is required", assertThrows(IllegalArgumentException.class,
                () -> OperationArguments.convert(signature("int"), Arrays.asList((Object) null))).getMessage());
    }

    @Test
    void theNumberOfArgumentsMustMatch() {
        assertEquals("expected 2 arguments, got 1", assertThrows(IllegalArgumentException.class,
                () -> OperationArguments.convert(signature("int", "int"), List.of("1"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperationArguments.convert(signature(), List.of("1")));
    }

    @Test
    void onlyTypesAFieldCanHoldAreSupported() {
        assertTrue(OperationArguments.supported(signature()));
        assertTrue(OperationArguments.supported(signature("int", "java.lang.String")));
        assertFalse(OperationArguments.supported(signature("int", "java.util.Map")));
        assertFalse(OperationArguments.supported(signature("[Ljava.lang.String;")));
        assertEquals("pjava.util.Map: type java.util.Map cannot be entered in the console", assertThrows(IllegalArgumentException.class,
                () -> OperationArguments.convert(signature("java.util.Map"), List.of("{}"))).getMessage());
    }
}
