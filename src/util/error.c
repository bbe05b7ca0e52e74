/* Status strings and the error record. */
#include "newsgraph/error.h"

#include <stdarg.h>
#include <stdio.h>

const char *ng_strerror(int code)
{
    switch (code) {
    case NG_OK:
        return "success";
    case NG_ENOMEM:
        return "out of memory";
    case NG_EIO:
        return "input/output error";
    case NG_EINVAL:
        return "invalid argument";
    case NG_EENCODING:
        return "invalid UTF-8";
    case NG_EFORMAT:
        return "unsupported or malformed input";
    case NG_EEMPTY:
        return "no text";
    case NG_ETOOBIG:
        return "input too large";
    case NG_EDATA:
        return "broken data file";
    case NG_ELIB:
        return "library failure";
    default:
        return "unknown error";
    }
}

int ng_error_set(ng_error *err, int code, const char *fmt, ...)
{
    if (!err) return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void ng_error_clear(ng_error *err)
{
    if (!err) return;
    err->code = NG_OK;
    err->msg[0] = '\0';
}
