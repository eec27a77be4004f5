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

/// Who acts, and how digest knows: the one place an actor is decided, from
/// what the front end gathered.
///
/// - A server that authenticated the person names them (`server`); a
///   declared name for anyone else is refused.
/// - `account` mode: the system account running digest; a declared name for
///   anyone else is refused.
/// - `declared` mode: the first declared name, else the account name, the
///   person's own word.
package struct ActorClaims: Sendable {
    /// A name the person gave, and where (`--as`, `DIGEST_USER`).
    package struct Declared: Sendable {
        package let name: String
        package let origin: String

        package init(name: String, origin: String) {
            self.name = name
            self.origin = origin
        }
    }

    /// The person a server authenticated, and where it said so (`--user`).
    package var authenticated: Declared?
    /// Names given by the person, first the one that wins.
    package var declared: [Declared]
    /// The system account running digest, and its uid.
    package var account: String?
    package var uid: UInt32

    package init(authenticated: Declared? = nil, declared: [Declared], account: String?, uid: UInt32) {
        self.authenticated = authenticated
        self.declared = declared
        self.account = account
        self.uid = uid
    }

    /// The person a server authenticated, if one did; a declared name for
    /// anyone else is refused, for reads as well as changes.
    package func authenticatedActor() throws -> String? {
        guard let authenticated else { return nil }
        let name = try Self.checked(authenticated)
        if let other = declared.first(where: { $0.name != name }) {
            throw DigestError.notPermitted("this server acts for \(name) only; \(other.origin) \(other.name) "
                + "names someone else. Leave out \(other.origin).")
        }
        return name
    }

    /// The actor under `mode`, and how it was established.
    package func actor(mode: IdentityMode) throws -> (name: String, identity: IdentityBasis) {
        if let name = try authenticatedActor() { return (name, .server) }
        switch mode {
        case .account:
            guard let account else {
                throw DigestError.notPermitted("identity is account in this database, and the system account running "
                    + "digest (uid \(uid)) has no name; run digest from an account with a name.")
            }
            let name = try Self.checked(Declared(name: account, origin: "the system account"))
            if let other = declared.first(where: { $0.name != name }) {
                throw DigestError.notPermitted("identity is account in this database: digest acts as the system "
                    + "account running it (\(name)), and \(other.origin) names \(other.name). To act as "
                    + "\(other.name), run digest from that account; otherwise leave out \(other.origin).")
            }
            return (name, .account)
        case .declared:
            if let first = declared.first { return (try Self.checked(first), .declared) }
            guard let account else {
                throw DigestError.usage("digest cannot tell who you are; say it with --as NAME (or set DIGEST_USER).",
                                        command: nil)
            }
            return (try Self.checked(Declared(name: account, origin: "the system account")), .declared)
        }
    }

    private static func checked(_ claim: Declared) throws -> String {
        if let problem = PersonName.problem(with: claim.name) {
            throw DigestError.invalid([ValidationProblem(field: claim.origin, value: claim.name, reason: problem.reason,
                                                         fix: problem.fix)])
        }
        return claim.name
    }
}
