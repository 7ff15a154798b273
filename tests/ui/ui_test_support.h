#pragma once

// Helpers shared by the console's UI tests (offscreen QtTest programs).

#include <QDir>
#include <QFuture>
#include <QImage>
#include <QObject>
#include <QString>
#include <QTest>
#include <QWidget>

namespace vms::uitest {

/** The result of an API call made through the console's ApiClient; fatal after 15 s. */
template<typename T>
T await(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 15000) || future.resultCount() != 1)
        qFatal("request did not finish");
    return future.result();
}

/** The descendant of `parent` called `objectName`, or null (also for a null parent). */
template<typename T>
T *child(QObject *parent, const QString &objectName)
{
    return parent ? parent->findChild<T *>(objectName) : nullptr;
}

/** Saves `image` as `fileName` in the working directory (the test's build dir) and says where. */
inline bool saveScreenshot(const QImage &image, const QString &fileName)
{
    const QString path = QDir::current().absoluteFilePath(fileName);
    const bool saved = image.save(path);
    qInfo("screenshot: %s", qPrintable(path));
    return saved;
}

/** A screenshot of `widget` (QWidget::grab), saved like saveScreenshot(QImage). */
inline bool saveScreenshot(QWidget *widget, const QString &fileName)
{
    return saveScreenshot(widget->grab().toImage(), fileName);
}

} // namespace vms::uitest
