import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import EntenteModel
@testable import EntentePages
@testable import EntentePictures
@testable import EntenteResolving
@testable import EntenteServing

@Suite("Pictures")
struct PicturesTests {
    // MARK: The small fixed site

    static let hostile = "<script>alert(1)</script>\"&"

    private static func place(_ file: String) -> EntenteModel.SourceLocation { EntenteModel.SourceLocation(file: file, line: 1, column: 1) }

    private static func actor(_ id: String, _ name: String, _ kind: Actor.Kind = .state, region: String? = nil,
                              short: String? = nil, partOf: String? = nil) -> Actor {
        Actor(id: ActorID(id)!, name: name, kind: kind, short: short, region: region,
              partOf: partOf.map { Reference(ActorID($0)!, at: place("actors/\(id).yaml")) },
              location: place("actors/\(id).yaml"))
    }

    private static func treaty(_ id: String, _ name: String, kind: Treaty.Kind?, parties: [String],
                               events: [(String, TreatyEventType, String?)] = [], status: TreatyStatus? = nil,
                               short: String? = nil) -> Treaty {
        let file = "treaties/\(id).yaml"
        return Treaty(id: TreatyID(id)!, name: name, short: short, kind: kind,
                      parties: parties.map { Treaty.Party(actor: Reference(ActorID($0)!, at: place(file))) },
                      events: events.map { date, type, actor in
                          TreatyEvent(date: PartialDate(parsing: date)!, type: type,
                                      actor: actor.map { Reference(ActorID($0)!, at: place(file)) }, location: place(file))
                      },
                      declaredStatus: status, location: place(file))
    }

    static func smallSite() throws -> (ResolvedSite, SiteIndex) {
        let actors = [
            actor("india", "India", region: "South Asia"),
            actor("russia", "Russia", region: "Europe"),
            actor("china", "China", region: "East Asia"),
            actor("north-korea", "North Korea", region: "East Asia", short: "DPRK"),
            actor("vietnam", "Vietnam", region: "Southeast Asia"),
            actor("sco", "Shanghai Cooperation Organisation", .organization, region: "Central Asia", short: "SCO"),
            actor("csto", "Collective Security Treaty Organization", .alliance, region: "Central Asia", short: "CSTO"),
            actor("balancers", "Balancers", .faction, partOf: "russia"),
            actor("envoy", "Special Envoy", .person),
            actor("hostile", hostile, .other),
        ]
        let treaties = [
            treaty("relos", "Reciprocal Exchange of Logistics Agreement", kind: .logistics, parties: ["india", "russia"],
                   events: [("2024-06", .approved, "russia"), ("2025-02-18", .signed, nil), ("2025-06", .ratified, "russia")],
                   short: "RELOS"),
            treaty("dprk-pact", "Comprehensive Strategic Partnership Treaty", kind: .defencePact,
                   parties: ["russia", "north-korea"],
                   events: [("2024-06-19", .signed, nil), ("2024-12-04", .inForce, nil)]),
            treaty("good-neighbour", "Treaty of Good-Neighbourliness", kind: .entente, parties: ["russia", "china"],
                   events: [("2001-07-16", .signed, nil), ("2002", .inForce, nil)]),
            treaty("indo-soviet-trade", "Indo-Russian Trade Agreement", kind: .trade, parties: ["india", "russia"],
                   events: [("1993", .signed, nil), ("2010-05", .terminated, nil)]),
            treaty("sco-charter", "Charter of the Shanghai Cooperation Organisation", kind: .consultation,
                   parties: ["india", "russia", "china", "sco"],
                   events: [("2002-06-07", .signed, nil), ("2003-09-19", .inForce, nil)]),
            treaty("vietnam-partnership", "Russia–Vietnam Strategic Partnership", kind: .strategicPartnership,
                   parties: ["russia", "vietnam"], events: [("2001-03", .signed, nil)], status: .inForce),
            treaty("csto-charter", "CSTO Charter", kind: .defencePact, parties: ["russia", "csto", "balancers"],
                   events: [("2002-10-07", .signed, nil), ("2024", .suspended, nil)], status: .suspended),
            treaty("hostile-deal", hostile, kind: nil, parties: ["hostile", "china"]),
            treaty("envoy-declaration", "Envoy Declaration", kind: .other, parties: ["envoy"],
                   events: [("2020", .proposed, nil)]),
            treaty("india-russia-basing", "India–Russia Basing Arrangement", kind: .basing, parties: ["india", "russia"],
                   events: [("2019-09-04", .signed, nil), ("2019-09-04", .inForce, nil)]),
        ]
        let (site, diagnostics) = SiteResolver.resolve(SiteContent(config: SiteConfig(title: "T"), actors: actors,
                                                                     treaties: treaties, analyses: []))
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return (site, SiteIndex(site: site, mentions: [:]))
    }

    static let today = PartialDate(year: 2025, month: 7, day: 29)!

    /// Every picture of the small site, by golden-file name, with every link the closure produced.
    static func allPictures() throws -> (pictures: [(String, String)], links: Set<String>) {
        let (site, index) = try smallSite()
        let links = SiteLinks(pretty: false)
        var produced: Set<String> = []
        let link: (EntityKey) -> String = { key in
            let url = links.page(key, from: "../")
            produced.insert(url)
            return url
        }
        var pictures: [(String, String)] = []
        pictures.append(("network", NetworkPicture.render(site: site, index: index, link: link)))
        pictures.append(("ego-russia", EgoNetworkPicture.render(actor: ActorID("russia")!, site: site, index: index, link: link)))
        pictures.append(("ego-hostile", EgoNetworkPicture.render(actor: ActorID("hostile")!, site: site, index: index, link: link)))
        for id in ["relos", "good-neighbour", "csto-charter"] {
            let treaty = site.treatiesByID[TreatyID(id)!]!
            pictures.append(("timeline-\(id)", try #require(TreatyTimelinePicture.render(treaty: treaty, site: site, link: link))))
        }
        pictures.append(("site-timeline", SiteTimelinePicture.render(site: site, link: link, today: today)))
        return (pictures, produced)
    }

    // MARK: Well-formedness and safety

    @Test func everyPictureIsWellFormedXML() throws {
        for (name, svg) in try Self.allPictures().pictures {
            let document = try XMLDocumentModel(svg)
            let root = try #require(document.elements.first, "\(name)")
            #expect(root.name == "svg", "\(name)")
            // An image, unless it holds links: an image's children are hidden from assistive technology.
            let hasLinks = document.elements.contains { $0.name == "a" }
            #expect(root.attributes["role"] == (hasLinks ? nil : "img"), "\(name)")
            #expect(root.attributes["width"] == "100%", "\(name)")
            #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true, "\(name)")
            let labelled = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
            #expect(labelled.count == 2, "\(name)")
            let ids = Dictionary(document.elements.compactMap { e in e.attributes["id"].map { ($0, e.name) } },
                                 uniquingKeysWith: { a, _ in a })
            #expect(labelled.map { ids[$0] } == ["title", "desc"], "\(name): aria-labelledby names the <title> and <desc>")
            #expect(!svg.contains("<script"), "\(name)")
            #expect(!svg.contains("foreignObject"), "\(name)")
            #expect(!svg.contains("xlink"), "\(name)")
            #expect(!svg.contains("url("), "\(name): no external references")
            #expect(document.elements.filter { $0.name == "style" }.isEmpty, "\(name): the style is the theme's pictures.css")
        }
    }

    // MARK: The theme's stylesheet

    /// The class selectors of the theme's `assets/pictures.css`.
    private static func styledClasses() throws -> Set<String> {
        let css = try #require(DefaultTheme.files["assets/pictures.css"])
        let regex = try Regex(#"\.(ent-[a-z0-9-]+)"#)
        return Set(css.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) })
    }

    @Test("pictures.css gives every kind, kind group, status and event family its rule")
    func stylesheetStylesEveryEncoding() throws {
        let styled = try Self.styledClasses()
        for kind in Actor.Kind.allCases { #expect(styled.contains(PictureStyle.actorClass(kind)), "\(kind)") }
        for group in PictureStyle.KindGroup.allCases { #expect(styled.contains(group.className), "\(group)") }
        for family in PictureStyle.EventFamily.allCases { #expect(styled.contains(family.className), "\(family)") }
        // In force is the plain line: the other statuses are dashed or faded.
        for status in PictureStyle.StatusGroup.allCases where status != .active {
            #expect(styled.contains(status.className), "\(status)")
        }
    }

    @Test("every class the pictures draw with is styled by pictures.css, or is a hook listed here")
    func everyDrawnClassIsStyled() throws {
        let styled = try Self.styledClasses()
        // Hooks for themes and scripts that the default stylesheet leaves alone: the kind of each agreement
        // (its group is what is styled), the in-force status (the plain line), the kinds of picture and the
        // groups that structure them.
        let hooks: Set<String> = ["ent-st-active", "ent-network", "ent-ego-network", "ent-timeline", "ent-site-timeline",
                                  "ent-treaty-timeline", "ent-edges", "ent-nodes", "ent-labels", "ent-legend", "ent-group",
                                  "ent-row", "ent-tick", "ent-event"]
        var unstyled: Set<String> = []
        for (_, svg) in try Self.allPictures().pictures {
            for element in try XMLDocumentModel(svg).elements {
                for name in (element.attributes["class"] ?? "").split(separator: " ").map(String.init)
                where name.hasPrefix("ent-") && !name.hasPrefix("ent-kind-") && !styled.contains(name) && !hooks.contains(name) {
                    unstyled.insert(name)
                }
            }
        }
        #expect(unstyled.isEmpty, "classes no rule styles: \(unstyled.sorted())")
    }

    @Test func everyLinkIsOneTheClosureProduced() throws {
        let (pictures, produced) = try Self.allPictures()
        for (name, svg) in pictures {
            let document = try XMLDocumentModel(svg)
            let hrefs = document.elements.compactMap { $0.attributes["href"] }
            #expect(!hrefs.isEmpty || name == "timeline-good-neighbour" || name == "timeline-csto-charter",
                    "\(name): events without an actor are not links")
            for href in hrefs { #expect(produced.contains(href), "\(name): \(href)") }
            // Every link has its tooltip as its first child.
            for anchor in document.elements where anchor.name == "a" {
                #expect(anchor.firstChild == "title", "\(name): a link without a leading <title>")
            }
        }
    }

    @Test func noNaNOrInfinityInTheMarkup() throws {
        let numeric: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d",
                                    "transform", "viewBox"]
        for (name, svg) in try Self.allPictures().pictures {
            #expect(!svg.contains("NaN"), "\(name)")
            for element in try XMLDocumentModel(svg).elements {
                for (key, value) in element.attributes where numeric.contains(key) {
                    let lower = value.lowercased()
                    #expect(!lower.contains("nan") && !lower.contains("inf") && !lower.contains("e+") && !lower.contains("e-"),
                            "\(name): \(element.name) \(key)=\(value)")
                }
            }
        }
    }

    @Test func hostileNamesAppearOnlyEscaped() throws {
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;"
        for (name, svg) in try Self.allPictures().pictures {
            #expect(!svg.contains("<script>"), "\(name)")
            #expect(!svg.contains("alert(1)</script>"), "\(name)")
            #expect(!svg.contains("</script"), "\(name)")
            let pieces = svg.components(separatedBy: "alert(1)")
            #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("&lt;script&gt;") }, "\(name): the name is escaped wherever it is")
        }
        let network = try Self.allPictures().pictures.first { $0.0 == "network" }!.1
        #expect(network.contains(escaped))
        // And it reads back as the original text.
        let titles = try XMLDocumentModel(network).elements.filter { $0.name == "title" }.map(\.text)
        #expect(titles.contains { $0.contains(Self.hostile) })
    }

    @Test func escapingDropsCharactersXMLForbids() throws {
        #expect(SVGText.escape("a\u{0001}b\u{0008}c\td\u{FFFF}") == "abc\td")
        #expect(SVGText.escape("plain") == "plain")
        #expect(SVGText.escape("'\"<>&") == "&#39;&quot;&lt;&gt;&amp;")
        let (site, index) = try Self.smallSite()
        _ = index
        var actors = site.actors
        actors.append(Actor(id: ActorID("control")!, name: "Bad\u{0007}Name\u{000B}", location: EntenteModel.SourceLocation(file: "x")))
        let (badSite, _) = SiteResolver.resolve(SiteContent(config: site.config, actors: actors, treaties: site.treaties,
                                                              analyses: []))
        let svg = NetworkPicture.render(site: badSite, index: SiteIndex(site: badSite, mentions: [:]), link: { $0.folder })
        _ = try XMLDocumentModel(svg)
    }

    @Test func numbersAreFormattedDeterministically() {
        #expect(SVGText.num(0) == "0")
        #expect(SVGText.num(-0.001) == "0")
        #expect(SVGText.num(-0.0) == "0")
        #expect(SVGText.num(12.5) == "12.5")
        #expect(SVGText.num(3.14159) == "3.14")
        #expect(SVGText.num(-2.499) == "-2.5")
        #expect(SVGText.num(7.05) == "7.05")
        #expect(SVGText.num(100) == "100")
        #expect(SVGText.num(.nan) == "0")
        #expect(SVGText.num(.infinity) == "0")
        #expect(SVGText.num(1e300) == "1000000000000")
    }

    @Test func trigonometryMatchesTheLibrary() {
        for step in 0...720 {
            let turns = Double(step) / 720 - 0.25
            let (s, c) = PictureTrig.sinCos(turns: turns)
            #expect(abs(s - sin(turns * 2 * Double.pi)) < 1e-12)
            #expect(abs(c - cos(turns * 2 * Double.pi)) < 1e-12)
        }
    }

    // MARK: Geometry

    @Test func networkNodesAreApart() throws {
        let svg = try Self.allPictures().pictures.first { $0.0 == "network" }!.1
        let centres = try nodeCentres(svg)
        #expect(centres.count == 13, "10 actors, 3 hubs")
        assertApart(centres, minimum: 5)
    }

    @Test func egoNetworkPutsTheActorInTheMiddle() throws {
        let svg = try Self.allPictures().pictures.first { $0.0 == "ego-russia" }!.1
        let document = try XMLDocumentModel(svg)
        let ego = try #require(document.elements.first { $0.attributes["class"]?.contains("ent-ego") == true && $0.name == "path" })
        let box = try #require(document.elements.first?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        let centre = try #require(translation(ego.attributes["transform"]))
        #expect(abs(centre.x - box[2] / 2) < 0.01)
        // Russia has 7 counterparts: India, China, North Korea, Vietnam, SCO, CSTO, Balancers.
        let actorNodes = document.elements.filter {
            $0.attributes["class"]?.hasPrefix("ent-node ent-actor") == true && !$0.ancestors.contains("ent-legend")
        }
        #expect(actorNodes.count == 8)
        assertApart(try nodeCentres(svg), minimum: 5)
        let desc = try #require(document.elements.first { $0.name == "desc" }).text
        #expect(desc.contains("Russia shares agreements with 7 other actors."))
        #expect(desc.contains("India (4), China (2)"))
    }

    @Test func egoNetworkShowsFortyCounterpartsAndCountsTheRest() throws {
        let site = try Self.syntheticSite(actors: 120, treaties: 0, hubActors: 1)
        let index = SiteIndex(site: site, mentions: [:])
        let svg = EgoNetworkPicture.render(actor: ActorID("actor-000")!, site: site, index: index, link: { $0.folder })
        let document = try XMLDocumentModel(svg)
        let actorNodes = document.elements.filter {
            $0.attributes["class"]?.hasPrefix("ent-node ent-actor") == true && !$0.ancestors.contains("ent-legend")
        }
        #expect(actorNodes.count == 41)
        let desc = try #require(document.elements.first { $0.name == "desc" }).text
        #expect(desc.contains("+79 more"))
        assertApart(try nodeCentres(svg), minimum: 5)
    }

    @Test func aYearOnlyEventSpansItsYear() throws {
        let svg = try Self.allPictures().pictures.first { $0.0 == "timeline-good-neighbour" }!.1
        let document = try XMLDocumentModel(svg)
        let ticks = Dictionary(uniqueKeysWithValues: document.elements.compactMap { e -> (String, Double)? in
            guard let year = e.attributes["data-year"], let x = e.attributes["x1"].flatMap(Double.init) else { return nil }
            return (year, x)
        })
        let start = try #require(ticks["2002"]), end = try #require(ticks["2003"])
        let event = try #require(document.elements.firstIndex { $0.attributes["data-date"] == "2002" })
        let span = try #require(document.elements[event...].first { $0.attributes["class"]?.hasPrefix("ent-span") == true })
        let x = try #require(span.attributes["x"].flatMap(Double.init))
        let width = try #require(span.attributes["width"].flatMap(Double.init))
        #expect(abs(x - start) < 0.02, "the span starts at the start of 2002")
        #expect(abs(x + width - end) < 0.02, "and ends at the start of 2003")
        let marker = try #require(document.elements[event...].first { $0.attributes["class"]?.hasPrefix("ent-mark") == true })
        #expect(marker.attributes["class"]?.contains("ent-approx") == true, "the marker says it is approximate")
        let centre = try #require(translation(marker.attributes["transform"]))
        #expect(abs(centre.x - start) > 100, "not drawn at 1 January")
    }

    @Test func aMonthEventSpansItsMonth() throws {
        let svg = try Self.allPictures().pictures.first { $0.0 == "timeline-relos" }!.1
        let document = try XMLDocumentModel(svg)
        let ticks = Dictionary(uniqueKeysWithValues: document.elements.compactMap { e -> (String, Double)? in
            guard let year = e.attributes["data-year"], let x = e.attributes["x1"].flatMap(Double.init) else { return nil }
            return (year, x)
        })
        let y2025 = try #require(ticks["2025"]), y2026 = try #require(ticks["2026"])
        let event = try #require(document.elements.firstIndex { $0.attributes["data-date"] == "2025-06" })
        let span = try #require(document.elements[event...].first { $0.attributes["class"]?.hasPrefix("ent-span") == true })
        let x = try #require(span.attributes["x"].flatMap(Double.init))
        let width = try #require(span.attributes["width"].flatMap(Double.init))
        let perDay = (y2026 - y2025) / 365
        #expect(abs(x - (y2025 + 151 * perDay)) < 0.02, "June starts after 151 days")
        #expect(abs(width - 30 * perDay) < 0.03, "and lasts 30 days")
    }

    @Test func labelsOfOneTimelineDoNotOverlap() throws {
        let (site, _) = try Self.smallSite()
        // Many events on nearly the same dates.
        var treaty = site.treatiesByID[TreatyID("relos")!]!
        for day in 1...20 {
            treaty.events.append(TreatyEvent(date: PartialDate(year: 2025, month: 3, day: day)!, type: .ratified,
                                             actor: Reference(ActorID("india")!, at: Self.place("t")), location: Self.place("t")))
        }
        let svg = try #require(TreatyTimelinePicture.render(treaty: treaty, site: site, link: { $0.folder }))
        if let folder = ProcessInfo.processInfo.environment["ENTENTE_PICTURES_DUMP"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: URL(fileURLWithPath: folder + "/timeline-crowded.svg"))
        }
        let document = try XMLDocumentModel(svg)
        var boxes: [(Double, Double, Double)] = []
        for event in document.elements.indices where document.elements[event].attributes["data-date"] != nil {
            let label = try #require(document.elements[event...].first { $0.name == "text" })
            let x = try #require(label.attributes["x"].flatMap(Double.init))
            let y = try #require(label.attributes["y"].flatMap(Double.init))
            let width = SVGText.textWidth(label.text, fontSize: 11)
            let x0 = label.attributes["text-anchor"] == "end" ? x - width : x
            boxes.append((x0, x0 + width, y))
        }
        #expect(boxes.count == 23)
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].2 == boxes[j].2 {
                #expect(boxes[i].1 <= boxes[j].0 || boxes[j].1 <= boxes[i].0, "labels \(i) and \(j) overlap")
            }
        }
    }

    @Test func aTreatyWithoutEventsHasNoTimeline() throws {
        let (site, _) = try Self.smallSite()
        #expect(TreatyTimelinePicture.render(treaty: site.treatiesByID[TreatyID("hostile-deal")!]!, site: site,
                                             link: { $0.folder }) == nil)
    }

    @Test func siteTimelineBarsRunToTodayOrTheirEnd() throws {
        let svg = try Self.allPictures().pictures.first { $0.0 == "site-timeline" }!.1
        let document = try XMLDocumentModel(svg)
        let today = try #require(document.elements.first {
            $0.attributes["class"] == "ent-today" && $0.name == "line" && !$0.ancestors.contains("ent-legend")
        })
        let todayX = try #require(today.attributes["x1"].flatMap(Double.init))
        func mainBar(_ name: String) throws -> (Double, Double) {
            let row = try #require(document.elements.firstIndex { $0.name == "title" && $0.text.hasPrefix(name) })
            let bar = try #require(document.elements[row...].first {
                $0.attributes["class"]?.hasPrefix("ent-line ent-bar ent-kg") == true
            })
            return (try #require(bar.attributes["x1"].flatMap(Double.init)), try #require(bar.attributes["x2"].flatMap(Double.init)))
        }
        #expect(abs(try mainBar("Comprehensive Strategic Partnership Treaty").1 - todayX) < 0.02, "in force: to today")
        #expect(try mainBar("Indo-Russian Trade Agreement").1 < todayX - 100, "terminated in 2010")
        let desc = try #require(document.elements.first { $0.name == "desc" }).text
        #expect(desc.contains("1 agreement without any date is not shown"))
        #expect(document.elements.filter { $0.attributes["class"] == "ent-row" }.count == 9)
    }

    @Test func emptyAndLonelyInputsStillGiveValidPictures() throws {
        let empty = try #require(SiteResolver.resolve(SiteContent(config: SiteConfig(title: "E"), actors: [], treaties: [],
                                                                   analyses: [])).site as ResolvedSite?)
        let emptyIndex = SiteIndex(site: empty, mentions: [:])
        let lonely = try #require(SiteResolver.resolve(SiteContent(config: SiteConfig(title: "L"),
                                                                    actors: [Self.actor("solo", "Solo")], treaties: [],
                                                                    analyses: [])).site as ResolvedSite?)
        let lonelyIndex = SiteIndex(site: lonely, mentions: [:])
        let pictures = [
            NetworkPicture.render(site: empty, index: emptyIndex, link: { $0.folder }),
            SiteTimelinePicture.render(site: empty, link: { $0.folder }, today: Self.today),
            NetworkPicture.render(site: lonely, index: lonelyIndex, link: { $0.folder }),
            EgoNetworkPicture.render(actor: ActorID("solo")!, site: lonely, index: lonelyIndex, link: { $0.folder }),
            EgoNetworkPicture.render(actor: ActorID("nobody")!, site: lonely, index: lonelyIndex, link: { $0.folder }),
        ]
        for svg in pictures {
            _ = try XMLDocumentModel(svg)
            #expect(!svg.contains("NaN"))
        }
        #expect(NetworkPicture.summary(site: empty) == "0 actors and no agreements.")
        #expect(NetworkPicture.summary(site: lonely) == "1 actor and no agreements.")
    }

    @Test func summarySentence() throws {
        let (site, _) = try Self.smallSite()
        #expect(NetworkPicture.summary(site: site)
                == "10 actors and 10 agreements: 7 between two parties, 2 among three or more and 1 with a single party.")
    }

    // MARK: Determinism and golden files

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let first = try Self.allPictures().pictures
        let second = try Self.allPictures().pictures
        #expect(first.map(\.1) == second.map(\.1))
    }

    @Test func picturesMatchTheirGoldenFiles() throws {
        for (name, svg) in try Self.allPictures().pictures { try checkGolden(name, svg) }
    }

    // MARK: Scale

    @Test func layoutOf250ActorsAnd2000Agreements() throws {
        let site = try Self.syntheticSite(actors: 250, treaties: 2000, hubActors: 0)
        let index = SiteIndex(site: site, mentions: [:])
        let clock = ContinuousClock()
        var layout: NetworkPicture.Layout?
        let layoutTime = clock.measure { layout = NetworkPicture.layout(site: site) }
        var svg = ""
        let renderTime = clock.measure { svg = NetworkPicture.render(site: site, index: index, link: { $0.folder }) }
        var timeline = ""
        let timelineTime = clock.measure {
            timeline = SiteTimelinePicture.render(site: site, link: { $0.folder }, today: Self.today)
        }
        print("Pictures: network layout of 250 actors / 2000 agreements took \(layoutTime); whole network picture"
              + " \(renderTime) (\(svg.utf8.count) bytes); site timeline \(timelineTime) (\(timeline.utf8.count) bytes)")
        if let folder = ProcessInfo.processInfo.environment["ENTENTE_PICTURES_DUMP"] {
            // For looking at the pictures: ENTENTE_PICTURES_DUMP=/tmp/pictures swift test --filter Pictures
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: URL(fileURLWithPath: folder + "/network-250.svg"))
            try Data(timeline.utf8).write(to: URL(fileURLWithPath: folder + "/site-timeline-2000.svg"))
            let ego = EgoNetworkPicture.render(actor: ActorID("actor-000")!, site: site, index: index, link: { $0.folder })
            try Data(ego.utf8).write(to: URL(fileURLWithPath: folder + "/ego-250.svg"))
        }
        #expect(layout?.nodes.count == 250)
        #expect(!svg.contains("NaN"))
        _ = try XMLDocumentModel(svg)
        _ = try XMLDocumentModel(timeline)
        assertApart(try nodeCentres(svg), minimum: 3)
    }

    /// A site of `actors` actors in 12 regions and `treaties` agreements (70 % between two parties, the rest
    /// among 3–12), from a fixed linear congruential generator; with `hubActors` 1, the first actor also has
    /// one bilateral agreement with every other.
    static func syntheticSite(actors actorCount: Int, treaties treatyCount: Int, hubActors: Int) throws -> ResolvedSite {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let kinds = Actor.Kind.allCases
        let actors = (0..<actorCount).map { i in
            actor(String(format: "actor-%03d", i), "Actor \(i)", i % 9 == 0 ? kinds[(i / 9) % kinds.count] : .state,
                  region: "Region \(i % 12)")
        }
        let statuses = TreatyStatus.allCases
        var treaties: [Treaty] = []
        for t in 0..<treatyCount {
            let size = next(10) < 7 ? 2 : 3 + next(10)
            var parties: [String] = []
            while parties.count < size {
                let id = actors[next(actorCount)].id.rawValue
                if !parties.contains(id) { parties.append(id) }
            }
            let year = 1950 + next(75)
            treaties.append(treaty(String(format: "treaty-%04d", t), "Agreement \(t)", kind: Treaty.Kind.allCases[next(11)],
                                   parties: parties, events: [("\(year)", .signed, nil)],
                                   status: statuses[next(statuses.count)]))
        }
        if hubActors > 0 {
            for i in 1..<actorCount {
                treaties.append(treaty(String(format: "hub-%03d", i), "Hub \(i)", kind: .trade,
                                       parties: ["actor-000", actors[i].id.rawValue]))
            }
        }
        let (site, diagnostics) = SiteResolver.resolve(SiteContent(config: SiteConfig(title: "S"), actors: actors,
                                                                     treaties: treaties, analyses: []))
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return site
    }
}

// MARK: Helpers

/// Compares `actual` with `Fixtures/pictures/<name>.svg`. A missing golden file is written (into the source
/// tree) only when `ENTENTE_UPDATE_GOLDEN=1`; an existing one is never overwritten: delete it first.
private func checkGolden(_ name: String, _ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pictures/\(name).svg")
    let bundled = Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Fixtures/pictures")
    let expected = bundled.flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        ?? (try? String(contentsOf: source, encoding: .utf8))
    guard let expected else {
        if ProcessInfo.processInfo.environment["ENTENTE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: source)
            print("Pictures: wrote golden file \(source.path)")
        } else {
            Issue.record("missing golden file Fixtures/pictures/\(name).svg; run the tests with ENTENTE_UPDATE_GOLDEN=1 to write it",
                         sourceLocation: sourceLocation)
        }
        return
    }
    if expected != actual {
        let a = expected.split(separator: ">", omittingEmptySubsequences: false)
        let b = actual.split(separator: ">", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let was = first < a.count ? String(a[first].prefix(200)) : "(end)"
        let now = first < b.count ? String(b[first].prefix(200)) : "(end)"
        let message = "\(name).svg differs from its golden file at tag \(first): was \(was), now \(now); if the change"
            + " is intended, delete Fixtures/pictures/\(name).svg and run with ENTENTE_UPDATE_GOLDEN=1"
        Issue.record(Comment(rawValue: message),
                     sourceLocation: sourceLocation)
    }
}

private func translation(_ transform: String?) -> SVGPoint? {
    guard let transform, transform.hasPrefix("translate("), transform.hasSuffix(")") else { return nil }
    let numbers = transform.dropFirst("translate(".count).dropLast().split(whereSeparator: { $0 == " " || $0 == "," })
        .compactMap { Double($0) }
    guard numbers.count == 2 else { return nil }
    return SVGPoint(numbers[0], numbers[1])
}

/// The centres of every node (actors and hubs) of a network picture.
private func nodeCentres(_ svg: String) throws -> [SVGPoint] {
    try XMLDocumentModel(svg).elements
        .filter { $0.attributes["class"]?.hasPrefix("ent-node") == true }
        .filter { !$0.ancestors.contains("ent-legend") }
        .compactMap { translation($0.attributes["transform"]) }
}

private func assertApart(_ points: [SVGPoint], minimum: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var closest = Double.infinity
    for i in points.indices {
        for j in points.indices where j > i {
            let dx = points[i].x - points[j].x, dy = points[i].y - points[j].y
            closest = min(closest, (dx * dx + dy * dy).squareRoot())
        }
    }
    #expect(points.count < 2 || closest >= minimum, "two node centres are \(closest) apart", sourceLocation: sourceLocation)
}

/// A flat list of an XML document's elements, parsed with Foundation's XMLParser.
private struct XMLDocumentModel {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var firstChild: String?
        /// The `class` values of its ancestors.
        var ancestors: [String] = []
    }

    var elements: [Element] = []

    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseError(message: "\(parser.parserError.map(String.init(describing:)) ?? "unknown error") at line"
                             + " \(parser.lineNumber), column \(parser.columnNumber)")
        }
        elements = delegate.elements
    }

    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            if let parent = open.last, elements[parent].firstChild == nil { elements[parent].firstChild = elementName }
            let ancestors = open.compactMap { elements[$0].attributes["class"] }
            elements.append(Element(name: elementName, attributes: attributeDict, ancestors: ancestors))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }
    }
}
