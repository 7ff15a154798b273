#include "core/media/packet_source.h"

#include "core/media/demux_source.h"
#include "core/media/ffmpeg_util.h"
#include "core/media/test_pattern_source.h"

#include <QUrl>
#include <QUrlQuery>

extern "C" {
#include <libavutil/time.h>
}

namespace vms::media {

void InterruptControl::arm(int timeoutMs)
{
    m_timedOut.store(false, std::memory_order_relaxed);
    m_deadlineUs.store(av_gettime_relative() + qint64(timeoutMs) * 1000, std::memory_order_relaxed);
}

int InterruptControl::check(void *opaque)
{
    auto *self = static_cast<InterruptControl *>(opaque);
    if (self->isStopRequested())
        return 1;
    const qint64 deadline = self->m_deadlineUs.load(std::memory_order_relaxed);
    if (deadline != 0 && av_gettime_relative() > deadline) {
        self->m_timedOut.store(true, std::memory_order_relaxed);
        return 1;
    }
    return 0;
}

namespace {

Result<TestPatternParams> parsePattern(const QUrl &url)
{
    TestPatternParams p;
    const QUrlQuery query(url);
    auto intItem = [&](const QString &key, int &target, int min, int max) -> std::optional<Error> {
        if (!query.hasQueryItem(key))
            return std::nullopt;
        bool ok = false;
        const int value = query.queryItemValue(key).toInt(&ok);
        if (!ok || value < min || value > max) {
            return Error::invalid(QStringLiteral("testsrc: %1 must be an integer in %2..%3")
                                          .arg(key)
                                          .arg(min)
                                          .arg(max));
        }
        target = value;
        return std::nullopt;
    };
    if (query.hasQueryItem(QStringLiteral("size"))) {
        const QStringList parts
                = query.queryItemValue(QStringLiteral("size")).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
        // Even sizes: yuv420p halves the chroma planes.
        if (!okW || !okH || w < 16 || h < 16 || w > 7680 || h > 4320 || w % 2 || h % 2)
            return Error::invalid(
                    QStringLiteral("testsrc: size must be WIDTHxHEIGHT, even, 16..7680x4320"));
        p.width = w;
        p.height = h;
    }
    if (auto e = intItem(QStringLiteral("rate"), p.rate, 1, 120))
        return *e;
    p.gop = p.rate;
    if (auto e = intItem(QStringLiteral("bitrate_kbps"), p.bitrateKbps, 50, 100000))
        return *e;
    if (auto e = intItem(QStringLiteral("gop"), p.gop, 1, 1000))
        return *e;
    if (query.hasQueryItem(QStringLiteral("codec"))) {
        p.codec = query.queryItemValue(QStringLiteral("codec")).toLower();
        if (p.codec != QLatin1String("h264") && p.codec != QLatin1String("hevc"))
            return Error::invalid(QStringLiteral("testsrc: codec must be h264 or hevc"));
    }
    return p;
}

} // namespace

Result<SourceAddress> parseSource(const SourceConfig &config)
{
    SourceAddress address;
    address.timeoutMs = config.openTimeoutMs > 0 ? config.openTimeoutMs : 5000;
    const QString transport = config.transport.trimmed().toLower();
    if (transport.isEmpty() || transport == QLatin1String("tcp"))
        address.isTcp = true;
    else if (transport == QLatin1String("udp"))
        address.isTcp = false;
    else
        return Error::invalid(QStringLiteral("transport must be \"tcp\" or \"udp\""));

    const QString raw = config.url.trimmed();
    if (raw.isEmpty())
        return Error::invalid(QStringLiteral("the source URL is empty"));
    if (raw.startsWith(QLatin1Char('/'))) {
        address.kind = SourceAddress::Kind::File;
        address.ffmpegUrl = raw;
        address.displayUrl = raw;
        return address;
    }
    QUrl url(raw, QUrl::StrictMode);
    if (!url.isValid())
        return Error::invalid(
                QStringLiteral("the source URL is not valid: %1").arg(url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("file")) {
        const QString path = url.toLocalFile();
        if (path.isEmpty() || !url.host().isEmpty())
            return Error::invalid(QStringLiteral("file URLs must be file:///absolute/path"));
        address.kind = SourceAddress::Kind::File;
        address.ffmpegUrl = path;
        address.displayUrl = path;
        return address;
    }
    if (scheme == QLatin1String("testsrc")) {
        auto pattern = parsePattern(url);
        if (!pattern)
            return pattern.error();
        address.kind = SourceAddress::Kind::TestPattern;
        address.pattern = *pattern;
        address.ffmpegUrl = raw;
        address.displayUrl = raw;
        return address;
    }
    if (scheme == QLatin1String("rtsp") || scheme == QLatin1String("rtsps"))
        address.kind = SourceAddress::Kind::Rtsp;
    else if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        address.kind = SourceAddress::Kind::Http;
    else
        return Error::invalid(QStringLiteral("unsupported source URL scheme \"%1\" (rtsp, rtsps, "
                                             "http, https, file, testsrc)")
                                      .arg(scheme));
    if (url.host().isEmpty())
        return Error::invalid(QStringLiteral("the source URL has no host"));
    if (url.userInfo().isEmpty() && !config.username.isEmpty()) {
        // DecodedMode: QUrl percent-encodes ':' '@' '/' and friends in FullyEncoded output.
        url.setUserName(config.username, QUrl::DecodedMode);
        if (!config.password.isEmpty())
            url.setPassword(config.password, QUrl::DecodedMode);
    }
    address.ffmpegUrl = url.toString(QUrl::FullyEncoded);
    address.displayUrl = url.toString(QUrl::RemovePassword | QUrl::FullyEncoded);
    if (address.kind == SourceAddress::Kind::Http && !config.bearerToken.isEmpty()) {
        if (config.bearerToken.contains(QLatin1Char('\r'))
            || config.bearerToken.contains(QLatin1Char('\n')))
            return Error::invalid(QStringLiteral("the bearer token holds a line break"));
        address.httpHeaders = QStringLiteral("Authorization: Bearer ") + config.bearerToken
                              + QStringLiteral("\r\n");
    }
    return address;
}

void setProtocolOptions(const SourceAddress &address, av::Dictionary &opts)
{
    const qint64 timeoutUs = qint64(address.timeoutMs) * 1000;
    switch (address.kind) {
    case SourceAddress::Kind::Rtsp:
        opts.set("rtsp_transport", address.isTcp ? QStringLiteral("tcp") : QStringLiteral("udp"));
        // FFmpeg 5: "timeout" is the socket I/O timeout in µs (there is no "stimeout").
        opts.set("timeout", timeoutUs);
        // Audio is neither recorded nor shown: do not even SETUP it (saves the camera's uplink).
        opts.set("allowed_media_types", QStringLiteral("video"));
        break;
    case SourceAddress::Kind::Http:
        opts.set("rw_timeout", timeoutUs);
        opts.set("timeout", timeoutUs);
        if (!address.httpHeaders.isEmpty())
            opts.set("headers", address.httpHeaders); // also passed on to HLS segments
        break;
    case SourceAddress::Kind::File:
    case SourceAddress::Kind::TestPattern:
        break;
    }
}

Result<std::unique_ptr<PacketSource>> openPacketSource(const SourceAddress &address,
                                                       const OpenOptions &options)
{
    if (address.kind == SourceAddress::Kind::TestPattern) {
        auto source = TestPatternSource::open(address.pattern);
        if (!source)
            return source.error();
        return std::unique_ptr<PacketSource>(std::move(*source));
    }
    auto source = DemuxSource::open(address, options);
    if (!source)
        return source.error();
    return std::unique_ptr<PacketSource>(std::move(*source));
}

} // namespace vms::media
