/// An agreement between actors: a treaty, a pact, a partnership declared in a joint statement.
public struct Treaty: Hashable, Sendable {
    /// The legal form of the text; a joint statement is not a treaty and the page says so.
    public enum Instrument: String, CaseIterable, Sendable {
        case treaty, agreement, `protocol`, declaration
        case jointStatement = "joint-statement"
        case memorandum

        public var title: String {
            switch self {
            case .treaty: "Treaty"
            case .agreement: "Agreement"
            case .`protocol`: "Protocol"
            case .declaration: "Declaration"
            case .jointStatement: "Joint statement"
            case .memorandum: "Memorandum"
            }
        }

        /// Whether the instrument binds its parties in international law as a treaty does.
        public var isTreaty: Bool { self == .treaty || self == .agreement || self == .`protocol` }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case defencePact = "defence-pact"
        case nonAggression = "non-aggression"
        case neutrality, entente
        case strategicPartnership = "strategic-partnership"
        case logistics, basing
        case armsTransfer = "arms-transfer"
        case trade, consultation
        /// Treaties of friendship, good-neighbourliness and cooperation.
        case friendship, other

        public var title: String {
            switch self {
            case .defencePact: "Defence pact"
            case .nonAggression: "Non-aggression pact"
            case .neutrality: "Neutrality pact"
            case .entente: "Entente"
            case .strategicPartnership: "Strategic partnership"
            case .logistics: "Logistics agreement"
            case .basing: "Basing agreement"
            case .armsTransfer: "Arms transfer"
            case .trade: "Trade agreement"
            case .consultation: "Consultation pact"
            case .friendship: "Friendship treaty"
            case .other: "Other"
            }
        }
    }

    /// The obligations an alliance places on its members, in ATOP's terms.
    public enum Obligation: String, CaseIterable, Sendable {
        case defence, offence, neutrality
        case nonAggression = "non-aggression"
        case consultation

        public var title: String {
            switch self {
            case .defence: "Defence"
            case .offence: "Offence"
            case .neutrality: "Neutrality"
            case .nonAggression: "Non-aggression"
            case .consultation: "Consultation"
            }
        }
    }

    /// How long a treaty binds once in force.
    public enum Term: Hashable, Sendable {
        case fixed(TermLength)
        case indefinite

        public var description: String {
            switch self {
            case .fixed(let length): length.description
            case .indefinite: "indefinite"
            }
        }
    }

    /// Automatic renewal at the end of each term, unless a party gives notice in time.
    public struct Renewal: Hashable, Sendable {
        /// Each renewal's length (`5 years`).
        public var period: TermLength
        /// How long before the end of a term notice must be given to stop the renewal.
        public var notice: TermLength?

        public init(period: TermLength, notice: TermLength? = nil) {
            self.period = period
            self.notice = notice
        }
    }

    /// One party and, where known, its own dates.
    public struct Party: Hashable, Sendable {
        public var actor: Reference<ActorTag>
        public var signed: PartialDate?
        public var ratified: PartialDate?
        public var acceded: PartialDate?
        public var inForce: PartialDate?
        public var withdrawn: PartialDate?
        public var note: String?

        public init(actor: Reference<ActorTag>, signed: PartialDate? = nil, ratified: PartialDate? = nil,
                    acceded: PartialDate? = nil, inForce: PartialDate? = nil, withdrawn: PartialDate? = nil,
                    note: String? = nil) {
            self.actor = actor
            self.signed = signed
            self.ratified = ratified
            self.acceded = acceded
            self.inForce = inForce
            self.withdrawn = withdrawn
            self.note = note
        }
    }

    public struct Source: Hashable, Sendable {
        /// What events cite it by (`kcna-2024-06-19`): unlike a position, it stays right when sources are inserted.
        public var id: String?
        public var title: String
        public var url: String
        public var date: PartialDate?

        public init(id: String? = nil, title: String, url: String, date: PartialDate? = nil) {
            self.id = id
            self.title = title
            self.url = url
            self.date = date
        }
    }

    public var id: TreatyID
    public var name: String
    public var short: String?
    public var aliases: [String]

    /// Ids a treaty cannot have: `treaties/page/` holds the index's further pages, `treaties/kind/` and the others
    /// its facets' pages.
    public static let reservedIDs: Set<String> = ["page", "kind", "status", "obligation", "region", "decade"]
    public var instrument: Instrument
    public var kind: Kind?
    public var obligations: [Obligation]
    public var parties: [Party]
    public var events: [TreatyEvent]
    /// The status as written; nil when it is to be derived from the events.
    public var declaredStatus: TreatyStatus?
    /// Where the status is written, for diagnostics about it.
    public var statusLocation: SourceLocation?
    public var summary: MarkdownText?
    public var provisions: [MarkdownText]
    public var sources: [Source]
    /// How long it binds once in force (`term: 20 years`, or `indefinite`).
    public var term: Term?
    /// When it expires, as the text or the record gives it (else derived from `term`).
    public var expires: PartialDate?
    /// How it renews itself at the end of a term.
    public var renewal: Renewal?
    public var supersedes: Reference<TreatyTag>?
    public var related: [Reference<TreatyTag>]
    /// The Markdown body of a treaty written as `.md`.
    public var body: MarkdownText?
    public var location: SourceLocation

    public init(id: TreatyID, name: String, short: String? = nil, aliases: [String] = [],
                instrument: Instrument = .treaty, kind: Kind? = nil, obligations: [Obligation] = [],
                parties: [Party], events: [TreatyEvent] = [], declaredStatus: TreatyStatus? = nil,
                summary: MarkdownText? = nil, provisions: [MarkdownText] = [], sources: [Source] = [],
                supersedes: Reference<TreatyTag>? = nil, related: [Reference<TreatyTag>] = [],
                body: MarkdownText? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.short = short
        self.aliases = aliases
        self.instrument = instrument
        self.kind = kind
        self.obligations = obligations
        self.parties = parties
        self.events = events
        self.declaredStatus = declaredStatus
        self.summary = summary
        self.provisions = provisions
        self.sources = sources
        self.supersedes = supersedes
        self.related = related
        self.body = body
        self.location = location
    }

    /// The date the agreement is known by, as every list shows it: its signature (an event, else a party's own),
    /// else its earliest event. nil when nothing is dated: no date is ever invented.
    public var knownDate: PartialDate? {
        events.filter { $0.type == .signed }.map(\.date).min()
            ?? parties.compactMap(\.signed).min()
            ?? events.map(\.date).min()
    }

    /// The status: as declared, else from the latest event that changes status.
    public var status: TreatyStatus? { declaredStatus ?? statusEvent?.type.status }

    /// The event the status was derived from, when it was not declared.
    ///
    /// Events naming one party change the whole treaty's status only in two cases: a signature, and the
    /// ratification that completes ratification by every party. One party's withdrawal does not end a
    /// treaty, and one ratification out of two does not make it ratified.
    public var statusEvent: TreatyEvent? {
        guard declaredStatus == nil else { return nil }
        let ratified = Set(ratifiedParties(by: nil))
        return Self.statusEvent(among: events, ratifiedByAll: parties.allSatisfy { ratified.contains($0.actor.id) })
    }
}

/// Something that happened to a treaty, at a date of its own precision.
public struct TreatyEvent: Hashable, Sendable {
    public var date: PartialDate
    public var type: TreatyEventType
    public var actor: Reference<ActorTag>?
    public var note: String?
    /// 1-based index into the treaty's sources.
    public var source: Int?
    public var location: SourceLocation

    public init(date: PartialDate, type: TreatyEventType, actor: Reference<ActorTag>? = nil, note: String? = nil,
                source: Int? = nil, location: SourceLocation) {
        self.date = date
        self.type = type
        self.actor = actor
        self.note = note
        self.source = source
        self.location = location
    }
}

public enum TreatyEventType: String, CaseIterable, Sendable {
    case proposed, negotiating, approved, signed, ratified, acceded
    case inForce = "in-force"
    case amended, suspended, withdrawn, terminated, expired, superseded, other

    /// The word in a sentence's first place ("In force"), written out rather than made from `rawValue` each time:
    /// every agreement named on every page shows its status.
    public var title: String {
        switch self {
        case .proposed: "Proposed"
        case .negotiating: "Negotiating"
        case .approved: "Approved"
        case .signed: "Signed"
        case .ratified: "Ratified"
        case .acceded: "Acceded"
        case .inForce: "In force"
        case .amended: "Amended"
        case .suspended: "Suspended"
        case .withdrawn: "Withdrawn"
        case .terminated: "Terminated"
        case .expired: "Expired"
        case .superseded: "Superseded"
        case .other: "Other"
        }
    }

    /// The status this event puts a treaty in, or nil when it leaves the status as it was.
    public var status: TreatyStatus? {
        switch self {
        case .approved, .amended, .acceded, .other: nil
        default: TreatyStatus(rawValue: rawValue)
        }
    }

    /// Order of events on the same date: a treaty is signed before it is ratified before it enters into force.
    /// The order of the cases as declared; written out because `allCases` makes a new array on every call, and
    /// this is read in the comparisons of every sort of events.
    package var lifecycleRank: Int {
        switch self {
        case .proposed: 0
        case .negotiating: 1
        case .approved: 2
        case .signed: 3
        case .ratified: 4
        case .acceded: 5
        case .inForce: 6
        case .amended: 7
        case .suspended: 8
        case .withdrawn: 9
        case .terminated: 10
        case .expired: 11
        case .superseded: 12
        case .other: 13
        }
    }
}

/// Where a treaty stands; the same words as event types.
public enum TreatyStatus: String, CaseIterable, Sendable {
    case proposed, negotiating, approved, signed, ratified, acceded
    case inForce = "in-force"
    case amended, suspended, withdrawn, terminated, expired, superseded, other

    public var title: String { event.title }

    /// The event type of the same name, whose title this is.
    private var event: TreatyEventType {
        switch self {
        case .proposed: .proposed
        case .negotiating: .negotiating
        case .approved: .approved
        case .signed: .signed
        case .ratified: .ratified
        case .acceded: .acceded
        case .inForce: .inForce
        case .amended: .amended
        case .suspended: .suspended
        case .withdrawn: .withdrawn
        case .terminated: .terminated
        case .expired: .expired
        case .superseded: .superseded
        case .other: .other
        }
    }

    /// Whether the agreement still binds its parties.
    public var isActive: Bool { self == .inForce || self == .ratified || self == .amended }
}
