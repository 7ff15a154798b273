#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace vms::client {

/** One field of a multipart/form-data body. */
struct FormDataPart
{
    QString name;           ///< the form field
    QString fileName;       ///< empty: a plain field without a filename parameter
    QByteArray contentType; ///< empty: no Content-Type header for the part
    QByteArray body;
};

/** A multipart/form-data body (RFC 7578) with its Content-Type header value. */
struct FormData
{
    QByteArray boundary;
    QByteArray body;

    /** `multipart/form-data; boundary=...` */
    QByteArray contentType() const;
};

/**
 * Encodes @p parts with CRLF line ends. The boundary is random unless given; a given boundary
 * must not occur in any part's body (the caller's responsibility). Names and file names are
 * sent as quoted strings: quotes and line breaks in them are percent-encoded, as browsers do, so
 * that they cannot end the header; other UTF-8 characters pass unchanged.
 */
FormData encodeFormData(const QList<FormDataPart> &parts, QByteArray boundary = {});

} // namespace vms::client
