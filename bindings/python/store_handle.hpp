#pragma once
/// \file
/// The Python `Store`: a `dangyuan::store` that can be closed, used from several Python threads, and
/// queried without holding the GIL.
///
/// Every call converts its Python arguments first (with the GIL), then runs the C++ call through
/// `call()`, which releases the GIL and takes the handle's mutex: other Python threads run meanwhile,
/// but one store is used by one thread at a time (a `dangyuan::store` is not thread-safe). Results are
/// converted to Python after `call()` returns, with the GIL held again.

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "common.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::python {

class store_handle {
public:
    /// Opens the store with the GIL released (opening may migrate the file).
    store_handle(std::filesystem::path const& path, store_options options)
        : path_(path.string()), actor_(options.actor) {
        py::gil_scoped_release release;
        store_.emplace(store::open(path, std::move(options)));
    }

    store_handle(store_handle const&) = delete;
    store_handle& operator=(store_handle const&) = delete;

    /// Runs `f(store&)` without the GIL and returns its result by value.
    /// \throws store_closed when the store was closed.
    template <class F>
    auto call(F&& f) -> std::decay_t<std::invoke_result_t<F, store&>> {
        py::gil_scoped_release release;
        std::lock_guard const lock(mutex_);
        if (!store_) throw store_closed("the store '" + path_ + "' is closed");
        return std::forward<F>(f)(*store_);
    }

    /// Closes the store; later calls raise StoreClosed. Closing twice is harmless.
    void close() {
        py::gil_scoped_release release;
        std::lock_guard const lock(mutex_);
        store_.reset();
    }

    [[nodiscard]] bool closed() {
        py::gil_scoped_release release;
        std::lock_guard const lock(mutex_);
        return !store_;
    }

    [[nodiscard]] std::string const& path() const noexcept { return path_; }

    /// The actor recorded in the audit trail (the C++ store has a setter only).
    [[nodiscard]] std::string actor() {
        py::gil_scoped_release release;
        std::lock_guard const lock(mutex_);
        return actor_;
    }
    void set_actor(std::string actor) {
        call([&](store& s) {
            s.set_actor(actor);
            actor_ = actor;
            return 0;
        });
    }

private:
    std::string path_;
    std::string actor_;
    std::mutex mutex_;
    std::optional<store> store_;
};

/// Reads a scope: None (the whole store), an `OrgId` (that organisation and everything below it) or a
/// `Scope`.
inline scope scope_from_python(py::handle value) {
    if (value.is_none()) return scope::all();
    if (py::isinstance<org_id>(value)) return scope::subtree(value.cast<org_id>());
    if (py::isinstance<scope>(value)) return value.cast<scope>();
    wrong_type("scope", "None, OrgId or Scope", value);
}

}  // namespace dangyuan::python
