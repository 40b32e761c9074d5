#pragma once
// Asking pestor-sync for a sync now. The kiosk has no network and no write
// access to the data, so it only touches a file both processes can see
// (admin.sync_request_file, in /run); the sync daemon, started with
// `--request-file` on the same path, notices the newer modification time
// while it waits and syncs at once. The file is empty: nothing typed on the
// kiosk is ever written to it.
#include "cache/result.hpp"

#include <filesystem>

namespace kiosk::app {

// Creates the file if needed and sets its modification time to now. The
// folder must exist (systemd's RuntimeDirectory or tmpfiles make it). Refuses
// to follow a symbolic link at the last step.
cache::Result<void> requestSync(const std::filesystem::path& requestFile);

} // namespace kiosk::app
