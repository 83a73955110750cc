package cn.servicemap.system;

import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;

/**
 * The field errors of a bound query object ({@code @ModelAttribute} record), each with the reason its
 * converter gave ({@link InvalidValueException}), so that a request with several bad parameters hears of all
 * of them at once.
 */
public final class BindingErrors {

    private BindingErrors() {
    }

    public static List<FieldError> of(BindingResult binding) {
        return binding.getFieldErrors().stream().map(BindingErrors::of).toList();
    }

    private static FieldError of(org.springframework.validation.FieldError e) {
        if (e.contains(TypeMismatchException.class)) {
            for (Throwable t = e.unwrap(TypeMismatchException.class); t != null; t = t.getCause()) {
                if (t instanceof InvalidValueException invalid) {
                    return invalid.at(e.getField());
                }
            }
        }
        return new FieldError(e.getField(), "值“" + e.getRejectedValue() + "”无效 (invalid value for " + e.getField() + ")", "BAD_VALUE");
    }
}
