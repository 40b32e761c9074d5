#pragma once
// pestor-sync subcommands. Each returns the process exit code:
// 0 success, 1 done with problems (some records rejected), 2 failure/usage.
namespace cli {

int runImport(int argc, char** argv);
int runSearch(int argc, char** argv);
int runShow(int argc, char** argv);
int runStatus(int argc, char** argv);
int runSync(int argc, char** argv);

} // namespace cli
