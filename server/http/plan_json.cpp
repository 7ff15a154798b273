#include "server/http/plan_json.h"

#include "core/domain/time_format.h"
#include "server/http/json_mapping.h"

namespace vms::server {

QJsonObject planJson(const Plan &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("place_id"), p.placeId},
            {QStringLiteral("image_id"), p.imageId},
            {QStringLiteral("image_url"), uploadContentUrl(p.imageId)},
            {QStringLiteral("created_at"), isoFromMs(p.createdAtMs)},
            {QStringLiteral("updated_at"), isoFromMs(p.updatedAtMs)}};
}

} // namespace vms::server
