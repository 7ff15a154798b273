#pragma once

namespace vms::media {
class VideoDecoder;
}

namespace vms::ui {

/**
 * Stops and deletes @p decoder soon, one decoder per pass of the event loop. VideoDecoder::stop()
 * joins the decoding thread (about 20 ms on a live stream, which waits for its next packet), so
 * closing sixteen tiles at once would freeze the GUI for a third of a second; spread out, paints
 * and input go on in between. The decoder is paused and disconnected at once, so it costs
 * nothing and signals nothing meanwhile. Decoders still waiting when the application object is
 * destroyed are stopped then. GUI thread.
 */
void retireDecoder(media::VideoDecoder *decoder);

} // namespace vms::ui
