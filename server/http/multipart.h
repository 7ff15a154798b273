#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace vms::server {

/** One part of a multipart/form-data body (RFC 7578). */
struct MultipartPart
{
    QByteArray name;                              ///< the form field: Content-Disposition name
    std::optional<QByteArray> filename;           ///< Content-Disposition filename, when given
    QByteArray contentType;                       ///< the part's Content-Type; empty when absent
    QList<QPair<QByteArray, QByteArray>> headers; ///< every header of the part, in order
    QByteArray body;
};

struct MultipartLimits
{
    int maxParts = 64;
    int maxHeaderBytes = 8 * 1024; ///< of one part's header section
    int maxHeaders = 16;           ///< per part
};

/**
 * The boundary of a `multipart/form-data` Content-Type value (quoted or not). nullopt when the
 * media type is something else; an InvalidArgument error when it is multipart/form-data but the
 * boundary is missing or not a valid RFC 2046 boundary (1..70 bchars, no trailing space).
 */
Result<std::optional<QByteArray>> multipartBoundary(const QByteArray &contentType);

/**
 * Parses a multipart/form-data body strictly: CRLF line ends only, a delimiter line is
 * "--boundary" plus optional transport padding, the body ends with the close delimiter, every part
 * has a `Content-Disposition: form-data` header with a name, and no header folding. A preamble and
 * an epilogue are allowed (RFC 2046) and ignored. Any violation is an InvalidArgument error whose
 * message says what is wrong and where.
 */
Result<QList<MultipartPart>> parseMultipart(const QByteArray &body, const QByteArray &boundary,
                                            const MultipartLimits &limits = {});

} // namespace vms::server
