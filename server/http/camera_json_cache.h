#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <optional>
#include <shared_mutex>

namespace vms::server {

/**
 * Compact Camera JSON renderings keyed by (camera id, row revision). Every write of a camera
 * row bumps its revision in the same statement and camera ids are server-made UUIDs that are
 * never reused, so a rendering found under the revision a listing just read is exactly what
 * rendering that row again would give, whichever process wrote it. A stale entry is never
 * served: it only fails to match and is replaced.
 *
 * Thread-safe; sharded so that the worker threads of a busy GET /cameras rarely meet on a lock.
 * Bounded: a shard that grows past its share of `capacity` is emptied (renderings are cheap to
 * make again; an LRU would cost every hit a write lock).
 */
class CameraJsonCache
{
public:
    explicit CameraJsonCache(qsizetype capacity = 200000);

    std::optional<QByteArray> find(const QString &id, qint64 revision) const;
    void insert(const QString &id, qint64 revision, const QByteArray &json);
    void remove(const QString &id);
    qsizetype size() const;

private:
    struct Entry
    {
        qint64 revision = 0;
        QByteArray json;
    };
    struct Shard
    {
        mutable std::shared_mutex lock;
        QHash<QString, Entry> entries;
    };
    static constexpr int kShards = 16;

    Shard &shardOf(const QString &id) const;

    qsizetype m_shardCapacity;
    mutable std::array<Shard, kShards> m_shards;
};

} // namespace vms::server
