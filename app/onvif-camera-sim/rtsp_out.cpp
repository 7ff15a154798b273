#include "app/onvif-camera-sim/rtsp_out.h"

#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <gst/rtsp-server/rtsp-server.h>
#include <gst/video/video.h>

#include <opencv2/imgproc.hpp>

#include <cstring>
#include <thread>

namespace vms::onvifsim {

namespace {

constexpr int kFps = 25;

struct MountSpec
{
    SimState *state;
    const Panorama *panorama;
    int width;
    int height;
};

/// One client's source: renders the next frame when the pipeline asks for it.
struct Feed
{
    MountSpec spec;
    guint64 frame = 0;
    GstBuffer *last = nullptr; // the previous frame, reused while the view is unchanged
    PtzVector lastPosition{2, 2, 2};
    ImagingSettings lastImaging;
};

void feedFree(gpointer data)
{
    auto *feed = static_cast<Feed *>(data);
    if (feed->last)
        gst_buffer_unref(feed->last);
    delete feed;
}

bool sameView(const PtzVector &a, const PtzVector &b)
{
    return a.pan == b.pan && a.tilt == b.tilt && a.zoom == b.zoom;
}

bool sameLook(const ImagingSettings &a, const ImagingSettings &b)
{
    return a.brightness == b.brightness && a.contrast == b.contrast;
}

void needData(GstAppSrc *src, guint, gpointer data)
{
    auto *feed = static_cast<Feed *>(data);
    const PtzVector position = feed->spec.state->position();
    const ImagingSettings imaging = feed->spec.state->imaging();
    if (!feed->last || !sameView(position, feed->lastPosition)
        || !sameLook(imaging, feed->lastImaging)) {
        const cv::Mat bgr = feed->spec.panorama->render(position, imaging, feed->spec.width,
                                                        feed->spec.height);
        cv::Mat i420;
        cv::cvtColor(bgr, i420, cv::COLOR_BGR2YUV_I420);
        const gsize size = i420.total() * i420.elemSize();
        GstBuffer *buffer = gst_buffer_new_allocate(nullptr, size, nullptr);
        gst_buffer_fill(buffer, 0, i420.data, size);
        if (feed->last)
            gst_buffer_unref(feed->last);
        feed->last = buffer;
        feed->lastPosition = position;
        feed->lastImaging = imaging;
    }
    // A shallow copy: the pixels are shared, the timestamps are this frame's.
    GstBuffer *out = gst_buffer_copy(feed->last);
    GST_BUFFER_PTS(out) = gst_util_uint64_scale(feed->frame, GST_SECOND, kFps);
    GST_BUFFER_DTS(out) = GST_BUFFER_PTS(out);
    GST_BUFFER_DURATION(out) = gst_util_uint64_scale(1, GST_SECOND, kFps);
    ++feed->frame;
    gst_app_src_push_buffer(src, out);
}

void mediaNewState(GstRTSPMedia *media, gint state, gpointer)
{
    if (state != GST_STATE_PLAYING)
        return;
    // Start every PLAY with a keyframe, as tests/support/rtsp_server does: the client would
    // otherwise wait up to a GOP for the first picture.
    GstElement *bin = gst_rtsp_media_get_element(media);
    GstElement *enc = gst_bin_get_by_name_recurse_up(GST_BIN(bin), "enc");
    if (enc) {
        gst_element_send_event(
                enc, gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
        gst_object_unref(enc);
    }
    gst_object_unref(bin);
}

void mediaConfigure(GstRTSPMediaFactory *, GstRTSPMedia *media, gpointer data)
{
    const auto *spec = static_cast<const MountSpec *>(data);
    GstElement *bin = gst_rtsp_media_get_element(media);
    GstElement *src = gst_bin_get_by_name_recurse_up(GST_BIN(bin), "src");
    GstCaps *caps = gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, "I420", "width",
                                        G_TYPE_INT, spec->width, "height", G_TYPE_INT, spec->height,
                                        "framerate", GST_TYPE_FRACTION, kFps, 1, nullptr);
    // Not live: the RTSP sinks synchronise on the clock, which paces the frames in real time.
    g_object_set(src, "caps", caps, "format", GST_FORMAT_TIME, "is-live", FALSE, "stream-type",
                 GST_APP_STREAM_TYPE_STREAM, "max-bytes", guint64(spec->width * spec->height * 2),
                 nullptr);
    gst_caps_unref(caps);
    auto *feed = new Feed;
    feed->spec = *spec;
    GstAppSrcCallbacks callbacks{};
    callbacks.need_data = needData;
    gst_app_src_set_callbacks(GST_APP_SRC(src), &callbacks, feed, feedFree);
    gst_object_unref(src);
    gst_object_unref(bin);
    g_signal_connect(media, "new-state", G_CALLBACK(mediaNewState), nullptr);
}

GstRTSPFilterResult closeClient(GstRTSPServer *, GstRTSPClient *, gpointer)
{
    return GST_RTSP_FILTER_REMOVE;
}

gboolean cleanupSessions(gpointer server)
{
    // Frees the pipelines of clients that vanished without TEARDOWN.
    GstRTSPSessionPool *pool = gst_rtsp_server_get_session_pool(GST_RTSP_SERVER(server));
    gst_rtsp_session_pool_cleanup(pool);
    g_object_unref(pool);
    return G_SOURCE_CONTINUE;
}

} // namespace

struct RtspOut::Impl
{
    Impl(SimState &s, const Panorama &p)
        : state(s)
        , panorama(p)
    {}

    SimState &state;
    const Panorama &panorama;
    MountSpec live{};
    MountSpec sub{};
    GMainContext *context = nullptr;
    GMainLoop *loop = nullptr;
    GstRTSPServer *server = nullptr;
    GSource *source = nullptr;
    std::thread thread;
    int port = 0;
};

RtspOut::RtspOut(SimState &state, const Panorama &panorama)
    : d(std::make_unique<Impl>(state, panorama))
{
    d->live = {&state, &panorama, 1280, 720};
    d->sub = {&state, &panorama, 640, 360};
}

RtspOut::~RtspOut()
{
    stop();
}

static void mount(GstRTSPMountPoints *mounts, const char *path, MountSpec *spec, int bitrateKbps)
{
    GstRTSPMediaFactory *f = gst_rtsp_media_factory_new();
    // In byte-stream form x264 repeats SPS/PPS before every IDR (see tests/support/rtsp_server
    // for why not rtph264pay config-interval).
    gchar *launch = g_strdup_printf(
            "( appsrc name=src ! x264enc name=enc tune=zerolatency speed-preset=ultrafast "
            "key-int-max=50 bitrate=%d ! video/x-h264,stream-format=byte-stream,alignment=au ! "
            "rtph264pay name=pay0 pt=96 )",
            bitrateKbps);
    gst_rtsp_media_factory_set_launch(f, launch);
    g_free(launch);
    // Unshared on purpose: shared media give non-monotonic DTS when clients come and go.
    gst_rtsp_media_factory_set_shared(f, FALSE);
    g_signal_connect(f, "media-configure", G_CALLBACK(mediaConfigure), spec);
    gst_rtsp_mount_points_add_factory(mounts, path, f);
}

bool RtspOut::start(const std::string &host, int port, std::string &error)
{
    for (const char *element : {"appsrc", "x264enc", "rtph264pay"}) {
        GstElementFactory *f = gst_element_factory_find(element);
        if (!f) {
            error = std::string("GStreamer element '") + element
                    + "' is missing (gstreamer1.0-plugins-base/-good/-ugly)";
            return false;
        }
        gst_object_unref(f);
    }
    d->context = g_main_context_new();
    d->loop = g_main_loop_new(d->context, FALSE);
    d->server = gst_rtsp_server_new();
    gst_rtsp_server_set_address(d->server, host.c_str());
    const std::string service = std::to_string(port);
    gst_rtsp_server_set_service(d->server, service.c_str());
    GstRTSPMountPoints *mounts = gst_rtsp_server_get_mount_points(d->server);
    mount(mounts, "/live", &d->live, 2048);
    mount(mounts, "/sub", &d->sub, 512);
    g_object_unref(mounts);

    GError *gerror = nullptr;
    d->source = gst_rtsp_server_create_source(d->server, nullptr, &gerror);
    if (!d->source) {
        error = "cannot listen on " + host + ":" + service + ": "
                + (gerror ? gerror->message : "unknown error");
        g_clear_error(&gerror);
        return false;
    }
    g_source_attach(d->source, d->context);
    GSource *timer = g_timeout_source_new_seconds(2);
    g_source_set_callback(timer, cleanupSessions, d->server, nullptr);
    g_source_attach(timer, d->context);
    g_source_unref(timer);
    d->port = gst_rtsp_server_get_bound_port(d->server);
    d->thread = std::thread([this] {
        g_main_context_push_thread_default(d->context);
        g_main_loop_run(d->loop);
        // Close the connections so that clients see the end of the stream now.
        gst_rtsp_server_client_filter(d->server, closeClient, nullptr);
        while (g_main_context_iteration(d->context, FALSE)) {
        }
        g_main_context_pop_thread_default(d->context);
    });
    return true;
}

int RtspOut::port() const
{
    return d->port;
}

void RtspOut::stop()
{
    if (d->thread.joinable()) {
        g_main_loop_quit(d->loop);
        d->thread.join();
    }
    if (d->source) {
        g_source_destroy(d->source);
        g_source_unref(d->source);
        d->source = nullptr;
    }
    if (d->server) {
        g_object_unref(d->server);
        d->server = nullptr;
    }
    if (d->loop) {
        g_main_loop_unref(d->loop);
        d->loop = nullptr;
    }
    if (d->context) {
        g_main_context_unref(d->context);
        d->context = nullptr;
    }
}

} // namespace vms::onvifsim
