#pragma once

#include <QString>

namespace vms::storage {

/** The form stored in *_folded columns and compared by searches: Unicode case folding. */
inline QString foldForSearch(const QString &text)
{
    return text.toCaseFolded();
}

/**
 * A LIKE pattern that matches `needle` anywhere, with LIKE's wildcards escaped. Use it with
 * "col LIKE ? ESCAPE '\'" on a *_folded column.
 */
inline QString containsPattern(const QString &needle)
{
    QString escaped = foldForSearch(needle);
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace vms::storage
