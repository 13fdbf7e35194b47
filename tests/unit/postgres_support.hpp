#pragma once
// The backend the store tests run on. By default a private in-memory SQLite store; with the environment
// variable DANGYUAN_TEST_POSTGRESQL set to a server's URL (`postgresql://` takes PGHOST, PGUSER … from
// the environment, as pg_virtualenv sets them), a fresh schema of that database per store, so that the
// same tests run on PostgreSQL (tests/CMakeLists.txt registers that run).

#include <unistd.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <string>

#include "storage/sql/postgres.hpp"

namespace test {

// The server the tests run against, when they do.
inline std::optional<std::string> postgres_server() {
    char const* url = std::getenv("DANGYUAN_TEST_POSTGRESQL");
    if (url == nullptr || *url == '\0') return std::nullopt;
    return std::string(url);
}

// A URL of `server` whose connections work in the schema `schema` (search_path).
inline std::string with_schema(std::string const& server, std::string const& schema) {
    auto const sep =
        server.find('?') == std::string::npos ? (server.find("://") + 3 == server.size() ? "/?" : "?") : "&";
    return server + sep + "options=-csearch_path%3D" + schema;
}

// A new, empty schema on `server`; its URL.
inline std::string fresh_postgres_store(std::string const& server) {
    static std::atomic<int> counter{0};
    auto const schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    dangyuan::storage::sql::pg::connection c(server);
    c.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    return with_schema(server, schema);
}

// Where a test's fresh store lives: ":memory:", or a fresh schema on the test server.
inline std::string fresh_store_location() {
    if (auto const server = postgres_server()) return fresh_postgres_store(*server);
    return ":memory:";
}

// The test server, or none with a warning in the test's output. A test that needs a server calls it
// first and returns when there is none: it runs under store.postgresql.
inline std::optional<std::string> server_or_warn() {
    auto server = postgres_server();
    if (!server) WARN("DANGYUAN_TEST_POSTGRESQL is not set: this runs under store.postgresql");
    return server;
}

// A fresh store on the test server, or "" with the warning of server_or_warn.
inline std::string fresh_server_store_or_warn() {
    auto const server = server_or_warn();
    return server ? fresh_postgres_store(*server) : std::string();
}

}  // namespace test
