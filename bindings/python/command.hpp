#pragma once
/// \file
/// `def_command`: binds a store operation as a method of the Python `Store` in one line.
///
///     def_command(cls, "find_contact_log", &find_contact_log, py::arg("member"), "The member's
///     ContactLog."); def_command<as_table>(cls, "contact_logs", &contact_logs, py::arg("scope") =
///     py::none(), "…");
///
/// The operation is a member function of `store`, a free function or a lambda taking `store&` or
/// `store const&` first. Its other parameters become the Python parameters (named and defaulted by the
/// `py::arg`s that follow, as with `py::class_::def`). Each call converts the arguments with the GIL
/// held, then runs the operation through `store_handle::call` (GIL released, the handle's mutex held,
/// `StoreClosed` on a closed store; C++ exceptions reach Python through the module's translator), and
/// converts the result with the GIL held again.
///
/// Parameters whose Python form differs from pybind11's default are read by `command_arg` (a `scope`
/// is None, an `OrgId` or a `Scope`); a result is shaped by the `Result` policy (`as_table`: a
/// `std::vector<T>` becomes the Python table of T).

#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "domains.hpp"
#include "store_handle.hpp"
#include "table.hpp"

namespace dangyuan::python {

/// How a parameter of type `P` of a store operation is taken from Python: `python` is the type the
/// pybind11 signature shows, `load` converts it (with the GIL held). By default pybind11's own caster.
template <class P>
struct command_arg {
    using python = P;
    static P load(P&& value) { return std::move(value); }
};

/// A scope: None (the whole store), an `OrgId` (its subtree) or a `Scope`.
template <>
struct command_arg<scope> {
    using python = py::object;
    static scope load(py::object&& value) { return scope_from_python(value); }
};

/// True for a record type (one with `record_traits`).
template <class T>
concept python_record = requires {
    record_traits<T>::python_name;
};

/// A record: the record itself, a mapping or an object with its fields, completed by the keyword
/// arguments of the call (`record_from_python`). A command with a parameter whose `load` takes the
/// keyword arguments (a record) takes `**fields`.
template <python_record T>
struct command_arg<T> {
    using python = py::object;
    static T load(py::object&& value, py::kwargs const& fields) {
        return record_from_python<T>(value, fields);
    }
};

/// A record variant (a campaign, certificate … record of any kind): see variant_record. A domain whose
/// records have a default kind or a flat form specialises command_arg for its variant.
template <python_record_variant V>
struct command_arg<V> {
    using python = py::object;
    static V load(py::object&& source, py::kwargs const& kw) { return variant_record<V>(source, kw); }
};

/// Result policy: the result as the operation returns it.
struct as_is {
    template <class R>
    R operator()(R&& r) const {
        return std::forward<R>(r);
    }
};

/// Result policy: a list of records as their Python table (`record_table<T>`).
struct as_table {
    template <class T>
    record_table<T> operator()(std::vector<T>&& rows) const {
        return record_table<T>(std::move(rows));
    }
};

namespace detail {

template <class... A>
struct command_params {};

// A lambda's call operator: the store is its first parameter.
template <class M>
struct call_operator_traits;
template <class R, class C, class S, class... A>
struct call_operator_traits<R (C::*)(S, A...) const> {
    using params = command_params<A...>;
};

/// The parameters after the store of a store operation.
template <class F>
struct command_traits : call_operator_traits<decltype(&std::remove_cvref_t<F>::operator())> {};
template <class R, class S, class... A>
struct command_traits<R (*)(S, A...)> {
    using params = command_params<A...>;
};
template <class R, class S, class... A>
struct command_traits<R (*)(S, A...) noexcept> : command_traits<R (*)(S, A...)> {};
template <class R, class... A>
struct command_traits<R (store::*)(A...)> {
    using params = command_params<A...>;
};
template <class R, class... A>
struct command_traits<R (store::*)(A...) const> : command_traits<R (store::*)(A...)> {};
template <class R, class... A>
struct command_traits<R (store::*)(A...) noexcept> : command_traits<R (store::*)(A...)> {};
template <class R, class... A>
struct command_traits<R (store::*)(A...) const noexcept> : command_traits<R (store::*)(A...)> {};

template <class P>
using python_of = typename command_arg<std::remove_cvref_t<P>>::python;

// A parameter completed by the keyword arguments of the call (a record).
template <class P>
concept takes_fields = requires(python_of<P>&& value, py::kwargs const& fields) {
    command_arg<std::remove_cvref_t<P>>::load(std::move(value), fields);
};

template <class P>
std::remove_cvref_t<P> load_arg(python_of<P>&& value, py::kwargs const& fields) {
    if constexpr (takes_fields<P>)
        return command_arg<std::remove_cvref_t<P>>::load(std::move(value), fields);
    else
        return command_arg<std::remove_cvref_t<P>>::load(std::move(value));
}

// Converts the arguments (GIL held), runs the operation on the store (GIL released) and shapes the
// result (GIL held).
template <class Result, class F, class... A>
auto run_command(F const& f, store_handle& h, py::kwargs const& fields, python_of<A>&&... in) {
    std::tuple<std::remove_cvref_t<A>...> args{load_arg<A>(std::move(in), fields)...};
    auto run = [&](store& s) -> decltype(auto) {
        return std::apply([&](auto&... a) -> decltype(auto) { return std::invoke(f, s, a...); }, args);
    };
    if constexpr (std::is_void_v<decltype(h.call(run))>)
        h.call(run);
    else
        return Result{}(h.call(run));
}

template <class Result, class F, class... A, class... Extra>
void def_command(py::class_<store_handle>& cls, char const* name, F f, command_params<A...>,
                 Extra&&... extra) {
    if constexpr ((takes_fields<A> || ...))
        cls.def(
            name,
            [f](store_handle& h, python_of<A>... in, py::kwargs const& fields) {
                return run_command<Result, F, A...>(f, h, fields, std::move(in)...);
            },
            std::forward<Extra>(extra)...);
    else
        cls.def(
            name,
            [f](store_handle& h, python_of<A>... in) {
                return run_command<Result, F, A...>(f, h, py::kwargs(), std::move(in)...);
            },
            std::forward<Extra>(extra)...);
}

}  // namespace detail

/// Binds the store operation `f` as the method `name` of `cls` (see the file comment); `extra` are the
/// `py::arg`s and the docstring.
template <class Result = as_is, class F, class... Extra>
py::class_<store_handle>& def_command(py::class_<store_handle>& cls, char const* name, F f,
                                      Extra&&... extra) {
    detail::def_command<Result>(cls, name, f, typename detail::command_traits<F>::params{},
                                std::forward<Extra>(extra)...);
    return cls;
}

}  // namespace dangyuan::python
