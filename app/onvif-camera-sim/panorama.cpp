#include "app/onvif-camera-sim/panorama.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vms::onvifsim {

namespace {

constexpr int kGrid = 240;

const cv::Scalar kColours[] = {{40, 40, 220},  {40, 180, 40},  {220, 120, 30}, {30, 200, 230},
                               {200, 40, 200}, {230, 230, 40}, {20, 120, 250}, {160, 90, 40}};

} // namespace

Panorama::Panorama()
    : m_image(std::async(std::launch::async, &Panorama::draw).share())
{}

cv::Mat Panorama::draw()
{
    cv::Mat image(kHeight, kWidth, CV_8UC3);
    // Sky above the horizon, ground below, each a vertical gradient.
    const int horizon = kHeight * 55 / 100;
    for (int y = 0; y < kHeight; ++y) {
        cv::Vec3b c;
        if (y < horizon) {
            const double t = double(y) / horizon;
            c = cv::Vec3b(uchar(230 - 40 * t), uchar(160 + 50 * t), uchar(90 + 80 * t));
        } else {
            const double t = double(y - horizon) / (kHeight - horizon);
            c = cv::Vec3b(uchar(60 + 20 * t), uchar(120 - 50 * t), uchar(70 + 30 * t));
        }
        image.row(y).setTo(cv::Scalar(c[0], c[1], c[2]));
    }
    // A grid with a label in every cell: column letter and row number (A1 is top left).
    for (int x = 0; x <= kWidth; x += kGrid)
        cv::line(image, {x, 0}, {x, kHeight}, {255, 255, 255}, 2);
    for (int y = 0; y <= kHeight; y += kGrid)
        cv::line(image, {0, y}, {kWidth, y}, {255, 255, 255}, 2);
    for (int cx = 0; cx * kGrid < kWidth; ++cx) {
        for (int cy = 0; cy * kGrid < kHeight; ++cy) {
            char label[8];
            std::snprintf(label, sizeof label, "%c%d", 'A' + cx, cy + 1);
            cv::putText(image, label, {cx * kGrid + 10, cy * kGrid + 34}, cv::FONT_HERSHEY_SIMPLEX,
                        0.9, {20, 20, 20}, 2, cv::LINE_AA);
        }
    }
    // Coloured shapes and numbered landmarks spread over the panorama.
    int n = 1;
    for (int gy = 0; gy < 4; ++gy) {
        for (int gx = 0; gx < 8; ++gx, ++n) {
            const cv::Point centre(kWidth * (2 * gx + 1) / 16 + ((gy % 2) ? 90 : -90),
                                   kHeight * (2 * gy + 1) / 8);
            const cv::Scalar colour = kColours[(gx + 3 * gy) % 8];
            const int r = 70 + 25 * ((gx * 7 + gy * 3) % 4);
            switch ((gx + gy) % 4) {
            case 0:
                cv::circle(image, centre, r, colour, cv::FILLED, cv::LINE_AA);
                break;
            case 1:
                cv::rectangle(image, {centre.x - r, centre.y - r}, {centre.x + r, centre.y + r},
                              colour, cv::FILLED, cv::LINE_AA);
                break;
            case 2: {
                const std::vector<cv::Point> tri{{centre.x, centre.y - r},
                                                 {centre.x - r, centre.y + r},
                                                 {centre.x + r, centre.y + r}};
                cv::fillConvexPoly(image, tri, colour, cv::LINE_AA);
                break;
            }
            default:
                cv::ellipse(image, centre, {r + 40, r - 20}, 30, 0, 360, colour, cv::FILLED,
                            cv::LINE_AA);
                break;
            }
            cv::circle(image, centre, r, {255, 255, 255}, 4, cv::LINE_AA);
            const std::string number = std::to_string(n);
            int baseline = 0;
            const cv::Size size
                    = cv::getTextSize(number, cv::FONT_HERSHEY_DUPLEX, 3.0, 6, &baseline);
            cv::putText(image, number, {centre.x - size.width / 2, centre.y + size.height / 2},
                        cv::FONT_HERSHEY_DUPLEX, 3.0, {255, 255, 255}, 6, cv::LINE_AA);
        }
    }
    cv::putText(image, "VMS ONVIF camera simulator", {kWidth / 2 - 900, horizon - 40},
                cv::FONT_HERSHEY_TRIPLEX, 4.0, {255, 255, 255}, 8, cv::LINE_AA);
    return image;
}

cv::Rect Panorama::viewRect(const PtzVector &p)
{
    const double zoom = std::clamp(double(p.zoom), 0.0, 1.0);
    const double fraction = 0.5 / (1.0 + 3.0 * zoom); // of the panorama's width
    const int w = std::max(16, int(std::lround(kWidth * fraction)));
    const int h = std::max(9, int(std::lround(w * 9.0 / 16.0)));
    const double cx = kWidth / 2.0 + std::clamp(double(p.pan), -1.0, 1.0) * (kWidth - w) / 2.0;
    // Tilt up (positive) looks at the upper part of the panorama.
    const double cy = kHeight / 2.0 - std::clamp(double(p.tilt), -1.0, 1.0) * (kHeight - h) / 2.0;
    const int x = std::clamp(int(std::lround(cx - w / 2.0)), 0, kWidth - w);
    const int y = std::clamp(int(std::lround(cy - h / 2.0)), 0, kHeight - h);
    return {x, y, w, h};
}

cv::Mat Panorama::render(const PtzVector &position, const ImagingSettings &imaging, int width,
                         int height) const
{
    cv::Mat out;
    cv::resize(image()(viewRect(position)), out, {width, height}, 0, 0,
               width < viewRect(position).width ? cv::INTER_AREA : cv::INTER_LINEAR);
    if (imaging.brightness != 50 || imaging.contrast != 50) {
        const double alpha = imaging.contrast / 50.0;
        const double beta = (imaging.brightness - 50) * 2.55 + 128 * (1 - alpha);
        out.convertTo(out, -1, alpha, beta);
    }
    char caption[96];
    std::snprintf(caption, sizeof caption, "pan %+.2f  tilt %+.2f  zoom %.2f", position.pan,
                  position.tilt, position.zoom);
    const double scale = std::max(0.4, height / 720.0);
    cv::rectangle(out, {0, height - int(34 * scale)}, {width, height}, {0, 0, 0}, cv::FILLED);
    cv::putText(out, caption, {int(10 * scale), height - int(10 * scale)}, cv::FONT_HERSHEY_SIMPLEX,
                0.8 * scale, {255, 255, 255}, std::max(1, int(2 * scale)), cv::LINE_AA);
    return out;
}

std::vector<std::uint8_t> Panorama::jpeg(const PtzVector &position, const ImagingSettings &imaging,
                                         int width, int height, int quality) const
{
    std::vector<std::uint8_t> data;
    cv::imencode(".jpg", render(position, imaging, width, height), data,
                 {cv::IMWRITE_JPEG_QUALITY, quality});
    return data;
}

} // namespace vms::onvifsim
