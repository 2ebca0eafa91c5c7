package org.fcredirect.flow.api;

/** The input names something that does not exist: a flow id, an appliance, a port login, a policy. */
public class NotFoundException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String field, Object value) {
        super(field, value, "not found");
    }

    public NotFoundException(String field, Object value, String problem) {
        super(field, value, problem);
    }
}
