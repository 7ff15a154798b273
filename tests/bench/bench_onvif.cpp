// Latency of the ONVIF REST operations next to the SOAP call they make, in one run:
//   raw   ContinuousMove / GetImagingSettings through OnvifClient (gSOAP, keep-alive), and
//   REST  PUT /api/v1/onvif/{id}/ptz / GET /api/v1/onvif/{id}/image through vms-server, which
//         makes exactly that one SOAP call per request once its caches are warm.
// Requests are sequential on one keep-alive connection each, so the difference of the medians
// is what the API adds (HTTP parsing, token check, permission, camera lookup, thread hand-off,
// JSON, audit). Rounds alternate raw and REST so that drift hits both. Prints figures only.
// Usage: bench_onvif --server http://127.0.0.1:PORT --token T --camera ID
//                    --sim-port P --user U --password W [--requests N]
#include "core/onvif/onvif_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Stats
{
    std::vector<double> us;
    void add(double v) { us.push_back(v); }
    double pct(double p)
    {
        std::sort(us.begin(), us.end());
        if (us.empty())
            return 0;
        const size_t i = std::min(us.size() - 1, size_t(p / 100.0 * double(us.size())));
        return us[i];
    }
};

/**
 * A minimal blocking HTTP/1.1 client on one keep-alive connection, on plain POSIX sockets like
 * gSOAP's own, so that the client side costs the same on both sides of the comparison.
 */
class Http
{
public:
    Http(const QUrl &base, QByteArray token)
        : m_base(base)
        , m_token(std::move(token))
    {}
    ~Http()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    /** Sends one request and reads the whole answer; returns the status (0 on failure). */
    int request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
    {
        if (m_fd < 0 && !connectToServer())
            return 0;
        QByteArray req = method + ' ' + path + " HTTP/1.1\r\nHost: " + m_base.host().toLatin1()
                         + "\r\nAuthorization: Bearer " + m_token + "\r\n";
        if (!body.isEmpty())
            req += "Content-Type: application/json\r\nContent-Length: "
                   + QByteArray::number(body.size()) + "\r\n";
        req += "\r\n" + body;
        if (::send(m_fd, req.constData(), size_t(req.size()), MSG_NOSIGNAL) != req.size())
            return fail();
        QByteArray buf;
        qsizetype headerEnd = -1;
        qint64 length = -1;
        char chunk[16384];
        while (true) {
            if (headerEnd < 0) {
                headerEnd = buf.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    const QByteArray head = buf.left(headerEnd).toLower();
                    const qsizetype at = head.indexOf("content-length:");
                    length = at < 0 ? 0
                                    : head.mid(at + 15, head.indexOf('\r', at) - at - 15)
                                              .trimmed()
                                              .toLongLong();
                }
            }
            if (headerEnd >= 0 && buf.size() >= headerEnd + 4 + length)
                break;
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return fail();
            buf.append(chunk, n);
        }
        return buf.mid(9, 3).toInt();
    }

private:
    bool connectToServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(m_base.port()));
        ::inet_pton(AF_INET, m_base.host().toLatin1().constData(), &addr.sin_addr);
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return fail() != 0;
        return true;
    }
    int fail()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        return 0;
    }

    QUrl m_base;
    QByteArray m_token;
    int m_fd = -1;
};

void print(const char *what, Stats &s)
{
    std::printf("%-44s p50 %7.3f ms   p99 %7.3f ms   (n=%zu)\n", what, s.pct(50) / 1000.0,
                s.pct(99) / 1000.0, s.us.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions(
            {{QStringLiteral("server"), QStringLiteral("vms-server URL"), QStringLiteral("url")},
             {QStringLiteral("token"), QStringLiteral("bearer token"), QStringLiteral("t")},
             {QStringLiteral("camera"), QStringLiteral("camera id"), QStringLiteral("id")},
             {QStringLiteral("sim-port"), QStringLiteral("simulator port"), QStringLiteral("p")},
             {QStringLiteral("user"), QStringLiteral("ONVIF user"), QStringLiteral("u")},
             {QStringLiteral("password"), QStringLiteral("ONVIF password"), QStringLiteral("w")},
             {QStringLiteral("requests"), QStringLiteral("per measurement"), QStringLiteral("n"),
              QStringLiteral("2000")}});
    p.process(app);

    vms::onvif::Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = p.value(QStringLiteral("sim-port")).toInt();
    e.username = p.value(QStringLiteral("user"));
    e.password = p.value(QStringLiteral("password"));
    vms::onvif::OnvifClient raw(e);
    Http rest(QUrl(p.value(QStringLiteral("server"))), p.value(QStringLiteral("token")).toLatin1());
    const QByteArray base = "/api/v1/onvif/" + p.value(QStringLiteral("camera")).toLatin1();
    const int n = p.value(QStringLiteral("requests")).toInt();

    // The profile and source tokens, as the server discovers them.
    auto profiles = raw.profiles();
    if (!vms::onvif::ok(profiles) || vms::onvif::value(profiles).isEmpty()) {
        std::fprintf(stderr, "simulator unreachable\n");
        return 1;
    }
    const vms::onvif::Profile profile = vms::onvif::value(profiles).first();
    vms::onvif::PtzVelocity v;
    v.pan = 0.1;
    v.tilt = 0.0;

    Stats rawMove, restMove, rawImage, restImage;
    int failures = 0;
    QElapsedTimer t;
    // Warm-up: connections, discovery, server caches.
    for (int i = 0; i < 50; ++i) {
        (void)raw.continuousMove(profile.token, v, QStringLiteral("PT1S"));
        (void)raw.imagingSettings(profile.videoSourceToken);
        rest.request("PUT", base + "/ptz", R"({"move":"RIGHT","step":1})");
        rest.request("GET", base + "/image");
    }
    const int rounds = 4;
    for (int r = 0; r < rounds; ++r) {
        for (int i = 0; i < n / rounds; ++i) {
            t.start();
            failures += !vms::onvif::ok(
                    raw.continuousMove(profile.token, v, QStringLiteral("PT1S")));
            rawMove.add(double(t.nsecsElapsed()) / 1000.0);
        }
        for (int i = 0; i < n / rounds; ++i) {
            t.start();
            failures += rest.request("PUT", base + "/ptz", R"({"move":"RIGHT","step":1})") != 200;
            restMove.add(double(t.nsecsElapsed()) / 1000.0);
        }
        for (int i = 0; i < n / rounds; ++i) {
            t.start();
            failures += !vms::onvif::ok(raw.imagingSettings(profile.videoSourceToken));
            rawImage.add(double(t.nsecsElapsed()) / 1000.0);
        }
        for (int i = 0; i < n / rounds; ++i) {
            t.start();
            failures += rest.request("GET", base + "/image") != 200;
            restImage.add(double(t.nsecsElapsed()) / 1000.0);
        }
    }
    (void)raw.stop(profile.token);
    print("raw gSOAP ContinuousMove", rawMove);
    print("REST PUT /api/v1/onvif/{id}/ptz", restMove);
    print("raw gSOAP GetImagingSettings", rawImage);
    print("REST GET /api/v1/onvif/{id}/image", restImage);
    std::printf("API overhead (p50): ptz %+.3f ms, image %+.3f ms; (p99): ptz %+.3f ms, image "
                "%+.3f ms\n",
                (restMove.pct(50) - rawMove.pct(50)) / 1000.0,
                (restImage.pct(50) - rawImage.pct(50)) / 1000.0,
                (restMove.pct(99) - rawMove.pct(99)) / 1000.0,
                (restImage.pct(99) - rawImage.pct(99)) / 1000.0);
    std::printf("failed requests: %d\n", failures);
    return failures ? 1 : 0;
}
