#pragma once

#include "core/domain/plan.h"

#include <QJsonObject>

namespace vms::server {

/** Plan -> the seed's Plan object, with image_url the content URL of its image. */
QJsonObject planJson(const Plan &plan);

} // namespace vms::server
