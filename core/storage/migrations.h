#pragma once

#include "core/domain/result.h"

namespace vms::storage {

class Database;

/** Applies every migration newer than the recorded schema version, each in its own transaction. */
Status applyMigrations(Database &db);

/** The newest schema version this build knows. */
int latestSchemaVersion();

} // namespace vms::storage
