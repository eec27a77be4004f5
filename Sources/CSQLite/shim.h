#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift cannot import; this constant stands in for it.
static const sqlite3_destructor_type digest_sqlite_transient = (sqlite3_destructor_type)-1;

// sqlite3_config is variadic, which Swift cannot call. With MEMSTATUS off,
// SQLite's allocations skip a global mutex and the usage counters that only
// sqlite3_memory_used and heap limits read (digest uses neither). It must
// come before SQLite initialises; later it does nothing and says so.
static inline int digest_sqlite_count_memory(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}
