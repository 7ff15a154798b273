// The simulated camera's picture: a crop of a large synthetic panorama chosen by the PTZ
// position, so that a pan, tilt or zoom is plainly visible in snapshots and in the RTSP stream.
#pragma once

#include "app/onvif-camera-sim/sim_state.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <future>
#include <vector>

namespace vms::onvifsim {

class Panorama
{
public:
    /// Starts drawing the 3840x2160 panorama once, on a thread of its own (about a second), so
    /// that the simulator is ready at once: sky/ground gradient, a labelled grid, numbered
    /// landmarks and coloured shapes (deterministic, no randomness between runs). The first
    /// render() waits for it.
    Panorama();

    static constexpr int kWidth = 3840;
    static constexpr int kHeight = 2160;

    /// The view at the position, width x height BGR. Brightness and contrast follow the imaging
    /// settings, and a caption shows the position.
    cv::Mat render(const PtzVector &position, const ImagingSettings &imaging, int width,
                   int height) const;
    /// The same view as a JPEG.
    std::vector<std::uint8_t> jpeg(const PtzVector &position, const ImagingSettings &imaging,
                                   int width, int height, int quality = 85) const;
    /// The crop rectangle of a position in panorama pixels (zoom 0 shows half the panorama's
    /// width, zoom 1 an eighth; pan/tilt move the view across the rest).
    static cv::Rect viewRect(const PtzVector &position);

private:
    static cv::Mat draw();
    const cv::Mat &image() const { return m_image.get(); }

    std::shared_future<cv::Mat> m_image; // BGR, read-only once drawn
};

} // namespace vms::onvifsim
