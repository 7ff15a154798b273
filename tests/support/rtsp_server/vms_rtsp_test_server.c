/*
 * vms-rtsp-test-server: a real RTSP server (gst-rtsp-server) feeding real H.264, for the video
 * tests and benchmarks. See tests/support/rtsp_server/README.md for the command line and the
 * mounts.
 *
 * Every factory is UNSHARED: each client gets its own pipeline, so its timestamps start at zero and
 * stay monotonic whatever other clients do (shared media give non-monotonic DTS when clients come
 * and go).
 */
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <gst/rtsp-server/rtsp-server.h>
#include <gst/video/video.h>

#include <glib-unix.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

/* Test clips are short: they are demuxed once into memory and served from there. */
#define CLIP_MAX_BYTES (512u * 1024u * 1024u)

typedef struct
{
    gchar *path;
    GstCaps *caps;             /* video/x-h264, stream-format=avc, alignment=au, codec_data */
    GPtrArray *units;          /* GstBuffer*, one access unit each, timestamps rebased to 0 */
    GstClockTime loopDuration; /* DTS distance from one loop's first unit to the next loop's */
} Clip;

typedef struct
{
    Clip *clip;
    guint index;
    guint64 loop;
} ClipCursor;

typedef struct
{
    gchar *listen;
    gint port;
    gint width;
    gint height;
    gint fpsNum;
    gint fpsDen;
    gint bitrateKbps;
    gint gop;
    gint streams;
    gchar **files;
    gboolean exitWithParent;
} Options;

static gboolean hasElement(const gchar *name)
{
    GstElementFactory *f = gst_element_factory_find(name);
    if (f == NULL)
        return FALSE;
    gst_object_unref(f);
    return TRUE;
}

static gboolean parseSize(const gchar *text, gint *w, gint *h)
{
    char tail = 0;
    return text != NULL && sscanf(text, "%dx%d%c", w, h, &tail) == 2 && *w >= 16 && *h >= 16
           && *w <= 7680 && *h <= 4320 && *w % 2 == 0 && *h % 2 == 0;
}

static gboolean parseFps(const gchar *text, gint *num, gint *den)
{
    char tail = 0;
    *den = 1;
    if (text == NULL)
        return FALSE;
    if (sscanf(text, "%d/%d%c", num, den, &tail) != 2 && sscanf(text, "%d%c", num, &tail) != 1)
        return FALSE;
    return *num > 0 && *den > 0 && *num / *den <= 240;
}

/* ---------- live test-pattern mounts ---------- */

static gchar *testPatternLaunch(const gchar *label, const gchar *pattern, gint width, gint height,
                                const Options *o, gint bitrateKbps)
{
    /* The overlays make every frame different (timeoverlay shows the running time in ms) and let a
     * human tell the mounts apart; they are optional so that a machine without the pango plugin
     * (gstreamer1.0-x on Debian) still serves a picture. */
    gchar *overlay;
    if (hasElement("clockoverlay") && hasElement("timeoverlay")) {
        overlay = g_strdup_printf("clockoverlay text=\"%s\" time-format=\"%%H:%%M:%%S\" "
                                  "halignment=left valignment=top shaded-background=true ! "
                                  "timeoverlay halignment=right valignment=bottom "
                                  "shaded-background=true ! ",
                                  label);
    } else {
        overlay = g_strdup("");
    }
    /* In byte-stream form x264 repeats SPS/PPS before every IDR, so a client can join at any
     * keyframe. rtph264pay's own config-interval=-1 is not used: it inserts SPS/PPS before EACH
     * IDR slice, and x264 zerolatency encodes with sliced threads, so FFmpeg's parser would split
     * such a keyframe into two packets with the same DTS (muxers then reject the stream). */
    gchar *launch = g_strdup_printf(
            "( videotestsrc is-live=true pattern=%s ! "
            "video/x-raw,format=I420,width=%d,height=%d,framerate=%d/%d ! %s"
            "x264enc name=enc tune=zerolatency speed-preset=ultrafast key-int-max=%d bitrate=%d ! "
            "video/x-h264,stream-format=byte-stream,alignment=au ! rtph264pay name=pay0 pt=96 )",
            pattern, width, height, o->fpsNum, o->fpsDen, overlay, o->gop, bitrateKbps);
    g_free(overlay);
    return launch;
}

static void mountFactory(GstRTSPMountPoints *mounts, const gchar *path, GstRTSPMediaFactory *f)
{
    /* Unshared on purpose, see the file comment. */
    gst_rtsp_media_factory_set_shared(f, FALSE);
    gst_rtsp_mount_points_add_factory(mounts, path, f); /* takes ownership */
    g_printerr("vms-rtsp-test-server: mounted %s\n", path);
}

static void testPatternNewState(GstRTSPMedia *media, gint state, gpointer userData)
{
    if (state != GST_STATE_PLAYING)
        return;
    /* A live pipeline runs while it prerolls for DESCRIBE and its first IDR is gone by PLAY; the
     * client would wait up to a GOP for the next one. Like many cameras, start each PLAY with a
     * keyframe (with SPS/PPS). */
    GstElement *bin = gst_rtsp_media_get_element(media);
    GstElement *enc = gst_bin_get_by_name_recurse_up(GST_BIN(bin), "enc");
    if (enc != NULL) {
        gst_element_send_event(
                enc, gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
        gst_object_unref(enc);
    }
    gst_object_unref(bin);
}

static void testPatternMediaConfigure(GstRTSPMediaFactory *factory, GstRTSPMedia *media,
                                      gpointer userData)
{
    g_signal_connect(media, "new-state", G_CALLBACK(testPatternNewState), NULL);
}

static void mountTestPattern(GstRTSPMountPoints *mounts, const gchar *path, const gchar *pattern,
                             gint width, gint height, const Options *o, gint bitrateKbps)
{
    GstRTSPMediaFactory *f = gst_rtsp_media_factory_new();
    gchar *launch = testPatternLaunch(path + 1, pattern, width, height, o, bitrateKbps);
    gst_rtsp_media_factory_set_launch(f, launch);
    g_free(launch);
    g_signal_connect(f, "media-configure", G_CALLBACK(testPatternMediaConfigure), NULL);
    mountFactory(mounts, path, f);
}

/* ---------- file mounts ---------- */

static void clipClear(Clip *clip)
{
    g_free(clip->path);
    if (clip->caps != NULL)
        gst_caps_unref(clip->caps);
    if (clip->units != NULL)
        g_ptr_array_unref(clip->units);
}

/* Clips are reference counted: a client's pipeline may be torn down after main() let go. */
static void clipRelease(Clip *clip)
{
    if (clip != NULL)
        g_atomic_rc_box_release_full(clip, (GDestroyNotify)clipClear);
}

static void cursorFree(ClipCursor *cursor)
{
    clipRelease(cursor->clip);
    g_free(cursor);
}

static const gchar *demuxerFor(const gchar *path)
{
    gchar *lower = g_ascii_strdown(path, -1);
    const gchar *demux = NULL;
    if (g_str_has_suffix(lower, ".mp4") || g_str_has_suffix(lower, ".m4v")
        || g_str_has_suffix(lower, ".mov") || g_str_has_suffix(lower, ".3gp"))
        demux = "qtdemux";
    else if (g_str_has_suffix(lower, ".mkv") || g_str_has_suffix(lower, ".webm"))
        demux = "matroskademux";
    g_free(lower);
    return demux;
}

static GstClockTime unitTime(GstBuffer *b)
{
    return GST_BUFFER_DTS_IS_VALID(b) ? GST_BUFFER_DTS(b) : GST_BUFFER_PTS(b);
}

/*
 * Demuxes PATH (filesrc ! qtdemux|matroskademux ! h264parse) into memory. Looping is done by the
 * appsrc of each client (see clipNeedData): a seek on EOS inside a pipeline owned by
 * GstRTSPMedia would flush the payloader and restart the timestamps, and multifilesrc cannot loop
 * a container.
 */
static Clip *clipLoad(const gchar *path, GError **error)
{
    const gchar *demux = demuxerFor(path);
    if (demux == NULL) {
        g_set_error(error, GST_CORE_ERROR, GST_CORE_ERROR_FAILED,
                    "%s: unknown container (use .mp4/.mov/.m4v/.3gp or .mkv/.webm)", path);
        return NULL;
    }
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_set_error(error, GST_CORE_ERROR, GST_CORE_ERROR_FAILED, "%s: no such file", path);
        return NULL;
    }
    gchar *launch = g_strdup_printf(
            "filesrc name=src ! %s ! h264parse ! "
            "video/x-h264,stream-format=avc,alignment=au ! appsink name=sink sync=false",
            demux);
    GstElement *pipeline = gst_parse_launch(launch, error);
    g_free(launch);
    if (pipeline == NULL)
        return NULL;
    GstElement *src = gst_bin_get_by_name(GST_BIN(pipeline), "src");
    g_object_set(src, "location", path, NULL);
    gst_object_unref(src);
    GstElement *sinkElement = gst_bin_get_by_name(GST_BIN(pipeline), "sink");
    GstAppSink *sink = GST_APP_SINK(sinkElement);

    Clip *clip = g_atomic_rc_box_new0(Clip);
    clip->path = g_strdup(path);
    clip->units = g_ptr_array_new_with_free_func((GDestroyNotify)gst_buffer_unref);
    GstBus *bus = gst_element_get_bus(pipeline);
    gst_element_set_state(pipeline, GST_STATE_PLAYING);

    gsize bytes = 0;
    GstClockTime base = GST_CLOCK_TIME_NONE;
    GstClockTime lastTime = GST_CLOCK_TIME_NONE;
    GstClockTime lastDuration = GST_CLOCK_TIME_NONE;
    GstClockTime previousTime = GST_CLOCK_TIME_NONE;
    for (;;) {
        GstSample *sample = gst_app_sink_try_pull_sample(sink, 200 * GST_MSECOND);
        if (sample == NULL) {
            GstMessage *msg = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR);
            if (msg != NULL) {
                GError *err = NULL;
                gst_message_parse_error(msg, &err, NULL);
                g_set_error(error, GST_CORE_ERROR, GST_CORE_ERROR_FAILED,
                            "%s: %s (is there an H.264 video track?)", path, err->message);
                g_error_free(err);
                gst_message_unref(msg);
                break;
            }
            if (gst_app_sink_is_eos(sink))
                break;
            continue;
        }
        GstBuffer *buffer = gst_sample_get_buffer(sample);
        /* A loop must start at a keyframe: drop leading delta units. */
        if (buffer != NULL
            && (clip->units->len > 0 || !GST_BUFFER_FLAG_IS_SET(buffer, GST_BUFFER_FLAG_DELTA_UNIT))
            && GST_CLOCK_TIME_IS_VALID(unitTime(buffer))) {
            if (clip->caps == NULL)
                clip->caps = gst_caps_ref(gst_sample_get_caps(sample));
            if (!GST_CLOCK_TIME_IS_VALID(base))
                base = unitTime(buffer);
            previousTime = lastTime;
            lastTime = unitTime(buffer);
            lastDuration = GST_BUFFER_DURATION(buffer);
            bytes += gst_buffer_get_size(buffer);
            g_ptr_array_add(clip->units, gst_buffer_ref(buffer));
        }
        gst_sample_unref(sample);
        if (bytes > CLIP_MAX_BYTES) {
            g_set_error(error, GST_CORE_ERROR, GST_CORE_ERROR_FAILED,
                        "%s: more than %u MiB of video; use a shorter clip", path,
                        CLIP_MAX_BYTES >> 20);
            break;
        }
    }
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(bus);
    gst_object_unref(sinkElement);
    gst_object_unref(pipeline);

    if (error != NULL && *error != NULL) {
        clipRelease(clip);
        return NULL;
    }
    if (clip->units->len == 0 || clip->caps == NULL) {
        g_set_error(error, GST_CORE_ERROR, GST_CORE_ERROR_FAILED,
                    "%s: no H.264 keyframe found in the file", path);
        clipRelease(clip);
        return NULL;
    }
    if (!GST_CLOCK_TIME_IS_VALID(lastDuration) || lastDuration == 0) {
        lastDuration = GST_CLOCK_TIME_IS_VALID(previousTime) && lastTime > previousTime
                               ? lastTime - previousTime
                               : 40 * GST_MSECOND;
    }
    clip->loopDuration = lastTime - base + lastDuration;

    /* Rebase to zero so that every client's first unit is at running time 0. */
    for (guint i = 0; i < clip->units->len; ++i) {
        GstBuffer *b = gst_buffer_copy(g_ptr_array_index(clip->units, i));
        if (GST_BUFFER_PTS_IS_VALID(b))
            GST_BUFFER_PTS(b) = GST_BUFFER_PTS(b) >= base ? GST_BUFFER_PTS(b) - base : 0;
        if (GST_BUFFER_DTS_IS_VALID(b))
            GST_BUFFER_DTS(b) = GST_BUFFER_DTS(b) - base;
        gst_buffer_unref(g_ptr_array_index(clip->units, i));
        g_ptr_array_index(clip->units, i) = b;
    }
    return clip;
}

static void clipNeedData(GstAppSrc *appsrc, guint length, gpointer userData)
{
    ClipCursor *cursor = userData;
    const Clip *clip = cursor->clip;
    /* A shallow copy: the payload memory is shared with the clip, only the metadata is new. */
    GstBuffer *b = gst_buffer_copy(g_ptr_array_index(clip->units, cursor->index));
    const GstClockTime offset = cursor->loop * clip->loopDuration;
    if (GST_BUFFER_PTS_IS_VALID(b))
        GST_BUFFER_PTS(b) += offset;
    if (GST_BUFFER_DTS_IS_VALID(b))
        GST_BUFFER_DTS(b) += offset;
    if (++cursor->index == clip->units->len) {
        cursor->index = 0;
        ++cursor->loop;
    }
    gst_app_src_push_buffer(appsrc, b);
}

static void clipMediaConfigure(GstRTSPMediaFactory *factory, GstRTSPMedia *media, gpointer userData)
{
    Clip *clip = userData;
    GstElement *bin = gst_rtsp_media_get_element(media);
    GstElement *src = gst_bin_get_by_name_recurse_up(GST_BIN(bin), "src");
    ClipCursor *cursor = g_new0(ClipCursor, 1);
    cursor->clip = g_atomic_rc_box_acquire(clip);
    /* Not live: the RTSP sinks synchronise on the clock, which paces the clip in real time. */
    g_object_set(src, "caps", clip->caps, "format", GST_FORMAT_TIME, "is-live", FALSE,
                 "stream-type", GST_APP_STREAM_TYPE_STREAM, NULL);
    GstAppSrcCallbacks callbacks = {0};
    callbacks.need_data = clipNeedData;
    gst_app_src_set_callbacks(GST_APP_SRC(src), &callbacks, cursor, (GDestroyNotify)cursorFree);
    gst_object_unref(src);
    gst_object_unref(bin);
}

static void mountClip(GstRTSPMountPoints *mounts, const gchar *path, Clip *clip)
{
    /* h264parse (access-unit aware) puts SPS/PPS in-band before every IDR frame: MP4/MKV keep them
     * only in codec_data. See testPatternLaunch for why not rtph264pay config-interval=-1. */
    GstRTSPMediaFactory *f = gst_rtsp_media_factory_new();
    gst_rtsp_media_factory_set_launch(
            f, "( appsrc name=src ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )");
    g_signal_connect(f, "media-configure", G_CALLBACK(clipMediaConfigure), clip);
    mountFactory(mounts, path, f);
}

/* ---------- main ---------- */

static gboolean onSignal(gpointer loop)
{
    g_main_loop_quit(loop);
    return G_SOURCE_REMOVE;
}

static gboolean cleanupSessions(gpointer server)
{
    /* Frees the pipelines of clients that vanished without TEARDOWN (UDP clients, kills). */
    GstRTSPSessionPool *pool = gst_rtsp_server_get_session_pool(server);
    gst_rtsp_session_pool_cleanup(pool);
    g_object_unref(pool);
    return G_SOURCE_CONTINUE;
}

static GstRTSPFilterResult closeClient(GstRTSPServer *server, GstRTSPClient *client, gpointer data)
{
    return GST_RTSP_FILTER_REMOVE;
}

static gboolean parseOptions(int *argc, char ***argv, Options *o)
{
    gchar *size = NULL;
    gchar *fps = NULL;
    gchar *listen = NULL;
    GOptionEntry entries[]
            = {{"listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address to bind (default 127.0.0.1)",
                "ADDR"},
               {"port", 0, 0, G_OPTION_ARG_INT, &o->port, "TCP port; 0 = ephemeral (default 0)",
                "PORT"},
               {"size", 0, 0, G_OPTION_ARG_STRING, &size, "Frame size of /test (default 1280x720)",
                "WxH"},
               {"fps", 0, 0, G_OPTION_ARG_STRING, &fps, "Frame rate, N or N/D (default 25)", "FPS"},
               {"bitrate-kbps", 0, 0, G_OPTION_ARG_INT, &o->bitrateKbps,
                "H.264 bitrate of /test and /testN (default 2000; /sub gets a quarter)", "KBPS"},
               {"gop", 0, 0, G_OPTION_ARG_INT, &o->gop, "Keyframe interval in frames (default 25)",
                "N"},
               {"file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files,
                "MP4/MKV with H.264 served in a loop as /file0, /file1, ... (repeatable)", "PATH"},
               {"streams", 0, 0, G_OPTION_ARG_INT, &o->streams,
                "Also mount /test1../testN with distinct patterns (default 0)", "N"},
               {"exit-with-parent", 0, 0, G_OPTION_ARG_NONE, &o->exitWithParent,
                "Get SIGTERM when the parent process dies (Linux)", NULL},
               {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new("- RTSP test server for the VMS video tests");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, gst_init_get_option_group());
    GError *error = NULL;
    gboolean ok = g_option_context_parse(ctx, argc, argv, &error);
    g_option_context_free(ctx);
    if (!ok) {
        g_printerr("vms-rtsp-test-server: %s\n", error->message);
        g_error_free(error);
    }
    o->listen = listen != NULL ? listen : g_strdup("127.0.0.1");
    if (ok && size != NULL && !parseSize(size, &o->width, &o->height)) {
        g_printerr("vms-rtsp-test-server: bad --size '%s' (WxH, even numbers)\n", size);
        ok = FALSE;
    }
    if (ok && fps != NULL && !parseFps(fps, &o->fpsNum, &o->fpsDen)) {
        g_printerr("vms-rtsp-test-server: bad --fps '%s'\n", fps);
        ok = FALSE;
    }
    if (ok
        && (o->port < 0 || o->port > 65535 || o->bitrateKbps < 16 || o->bitrateKbps > 200000
            || o->gop < 1 || o->streams < 0 || o->streams > 64)) {
        g_printerr("vms-rtsp-test-server: an option is out of range\n");
        ok = FALSE;
    }
    if (ok && *argc > 1) {
        g_printerr("vms-rtsp-test-server: unexpected argument '%s'\n", (*argv)[1]);
        ok = FALSE;
    }
    g_free(size);
    g_free(fps);
    return ok;
}

int main(int argc, char *argv[])
{
    Options o = {NULL, 0, 1280, 720, 25, 1, 2000, 25, 0, NULL, FALSE};
    if (!parseOptions(&argc, &argv, &o))
        return 2;

    if (o.exitWithParent) {
        const pid_t parent = getppid();
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) /* the parent died before prctl */
            return 1;
    }
    /* A client that goes away must not kill the server. */
    signal(SIGPIPE, SIG_IGN);

    gst_init(&argc, &argv);
    /* Installed first: a SIGTERM that arrives while the clips load still ends the process cleanly
     * (the loop then quits as soon as it runs). */
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_unix_signal_add(SIGTERM, onSignal, loop);
    g_unix_signal_add(SIGINT, onSignal, loop);
    const gchar *required[] = {"videotestsrc", "x264enc", "rtph264pay", "appsrc", "h264parse"};
    for (guint i = 0; i < G_N_ELEMENTS(required); ++i) {
        if (!hasElement(required[i])) {
            g_printerr("vms-rtsp-test-server: GStreamer element '%s' is missing (install "
                       "gstreamer1.0-plugins-base/-good/-ugly/-bad: scripts/install-deps.sh "
                       "--with-tests)\n",
                       required[i]);
            return 1;
        }
    }
    if (!hasElement("clockoverlay") || !hasElement("timeoverlay"))
        g_printerr("vms-rtsp-test-server: warning: no clockoverlay/timeoverlay (gstreamer1.0-x); "
                   "serving the patterns without a time overlay\n");

    GPtrArray *clips = g_ptr_array_new_with_free_func((GDestroyNotify)clipRelease);
    for (guint i = 0; o.files != NULL && o.files[i] != NULL; ++i) {
        GError *error = NULL;
        Clip *clip = clipLoad(o.files[i], &error);
        if (clip == NULL) {
            g_printerr("vms-rtsp-test-server: --file %s\n", error->message);
            g_error_free(error);
            return 1;
        }
        g_ptr_array_add(clips, clip);
    }

    GstRTSPServer *server = gst_rtsp_server_new();
    gst_rtsp_server_set_address(server, o.listen);
    gchar *service = g_strdup_printf("%d", o.port);
    gst_rtsp_server_set_service(server, service);
    g_free(service);

    GstRTSPMountPoints *mounts = gst_rtsp_server_get_mount_points(server);
    mountTestPattern(mounts, "/test", "smpte", o.width, o.height, &o, o.bitrateKbps);
    mountTestPattern(mounts, "/sub", "smpte", 640, 360, &o, MAX(o.bitrateKbps / 4, 128));
    static const char *const patterns[]
            = {"pinwheel", "ball",       "spokes", "gradient",   "circular", "smpte100",
               "colors",   "zone-plate", "bar",    "checkers-8", "gamut",    "smpte75"};
    for (gint i = 1; i <= o.streams; ++i) {
        gchar *path = g_strdup_printf("/test%d", i);
        mountTestPattern(mounts, path, patterns[(i - 1) % G_N_ELEMENTS(patterns)], o.width,
                         o.height, &o, o.bitrateKbps);
        g_free(path);
    }
    for (guint i = 0; i < clips->len; ++i) {
        gchar *path = g_strdup_printf("/file%u", i);
        mountClip(mounts, path, g_ptr_array_index(clips, i));
        g_free(path);
    }
    g_object_unref(mounts);

    /* gst-rtsp-server binds with SO_REUSEADDR (g_socket_bind(..., allow_reuse=TRUE)), so a fixed
     * port can be bound again right after a stop or a kill even while old connections linger in
     * TIME_WAIT. The socket listens when this returns. */
    GError *error = NULL;
    GSource *source = gst_rtsp_server_create_source(server, NULL, &error);
    if (source == NULL) {
        g_printerr("vms-rtsp-test-server: cannot listen on %s:%d: %s\n", o.listen, o.port,
                   error != NULL ? error->message : "unknown error");
        g_clear_error(&error);
        return 1;
    }
    g_source_attach(source, NULL);

    g_timeout_add_seconds(2, cleanupSessions, server);

    const gchar *host = o.listen;
    if (strcmp(host, "0.0.0.0") == 0)
        host = "127.0.0.1";
    else if (strcmp(host, "::") == 0)
        host = "::1";
    const gboolean v6 = strchr(host, ':') != NULL;
    printf("RTSP_URL rtsp://%s%s%s:%d/\n", v6 ? "[" : "", host, v6 ? "]" : "",
           gst_rtsp_server_get_bound_port(server));
    fflush(stdout);

    g_main_loop_run(loop);

    g_printerr("vms-rtsp-test-server: stopping\n");
    g_source_destroy(source);
    g_source_unref(source);
    /* Close the connections so that clients see the end of the stream now. */
    gst_rtsp_server_client_filter(server, closeClient, NULL);
    while (g_main_context_iteration(NULL, FALSE)) {
    }
    g_object_unref(server);
    g_main_loop_unref(loop);
    g_ptr_array_unref(clips);
    g_strfreev(o.files);
    g_free(o.listen);
    return 0;
}
