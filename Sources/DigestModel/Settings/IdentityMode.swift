/// How digest knows who acts: the `identity` setting.
package enum IdentityMode: String, CaseIterable, Sendable {
    /// `--as`, else `$DIGEST_USER`, else the account name: an honour system,
    /// for one person or a group that trusts each other.
    case declared
    /// The operating-system account running digest (its effective uid);
    /// naming anyone else is refused.
    case account
}

/// How the actor of one change was established; kept in every revision so an
/// auditor can tell which decisions rested on the honour system.
package enum IdentityBasis: String, Sendable {
    /// Named by the person themselves (`declared` mode).
    case declared
    /// The operating-system account that ran digest (`account` mode).
    case account
    /// Named by a server that authenticated the person (`digest serve --user NAME`).
    case server

    /// Whether the name was established by something other than the person's word.
    package var isVerified: Bool { self != .declared }
}
