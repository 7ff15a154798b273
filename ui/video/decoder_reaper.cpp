#include "ui/video/decoder_reaper.h"

#include "core/media/video_decoder.h"

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace vms::ui {

namespace {

class DecoderReaper : public QObject
{
public:
    explicit DecoderReaper(QObject *parent)
        : QObject(parent)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, &DecoderReaper::reapOne);
    }

    ~DecoderReaper() override { qDeleteAll(m_waiting); }

    void add(media::VideoDecoder *decoder)
    {
        m_waiting.append(decoder);
        m_timer.start();
    }

private:
    void reapOne()
    {
        if (m_waiting.isEmpty())
            return;
        delete m_waiting.takeFirst(); // stops and joins
        if (!m_waiting.isEmpty())
            m_timer.start();
    }

    QList<media::VideoDecoder *> m_waiting;
    QTimer m_timer;
};

} // namespace

void retireDecoder(media::VideoDecoder *decoder)
{
    if (!decoder)
        return;
    QObject::disconnect(decoder, nullptr, nullptr, nullptr);
    decoder->setPaused(true);
    static QPointer<DecoderReaper> reaper;
    if (!reaper && QCoreApplication::instance())
        reaper = new DecoderReaper(QCoreApplication::instance());
    if (reaper)
        reaper->add(decoder);
    else
        delete decoder; // no event loop to spread the work over
}

} // namespace vms::ui
