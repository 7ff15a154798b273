#include "server/http/camera_json_cache.h"

#include <mutex>

namespace vms::server {

CameraJsonCache::CameraJsonCache(qsizetype capacity)
    : m_shardCapacity(qMax<qsizetype>(1, capacity / kShards))
{}

CameraJsonCache::Shard &CameraJsonCache::shardOf(const QString &id) const
{
    return m_shards[qHash(id) % kShards];
}

std::optional<QByteArray> CameraJsonCache::find(const QString &id, qint64 revision) const
{
    const Shard &shard = shardOf(id);
    std::shared_lock guard(shard.lock);
    const auto it = shard.entries.constFind(id);
    if (it == shard.entries.cend() || it->revision != revision)
        return std::nullopt;
    return it->json;
}

void CameraJsonCache::insert(const QString &id, qint64 revision, const QByteArray &json)
{
    Shard &shard = shardOf(id);
    std::unique_lock guard(shard.lock);
    auto it = shard.entries.find(id);
    if (it != shard.entries.end()) {
        // Two readers may render different revisions at once; keep the newer one.
        if (it->revision <= revision)
            *it = Entry{revision, json};
        return;
    }
    if (shard.entries.size() >= m_shardCapacity)
        shard.entries.clear();
    shard.entries.insert(id, Entry{revision, json});
}

void CameraJsonCache::remove(const QString &id)
{
    Shard &shard = shardOf(id);
    std::unique_lock guard(shard.lock);
    shard.entries.remove(id);
}

qsizetype CameraJsonCache::size() const
{
    qsizetype n = 0;
    for (const Shard &shard : m_shards) {
        std::shared_lock guard(shard.lock);
        n += shard.entries.size();
    }
    return n;
}

} // namespace vms::server
