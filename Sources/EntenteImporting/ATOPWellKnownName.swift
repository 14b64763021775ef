import EntenteModel

/// The names historians use for the best-known ATOP alliances, so that a reader finds "NATO" or "the Warsaw Pact"
/// rather than "Defence pact of 30 states, 1949 (…)". The generated name stays as an alias.
///
/// Every name is the agreement's own title or an accepted short name for it. Each entry records the alliance's ATOP
/// start date and founding members (COW codes) as ATOP gives them: the importer applies a name only when the data
/// matches, and a test checks every entry against ATOP's rows, so that no name lands on the wrong alliance.
package struct ATOPWellKnownName: Sendable {
    package var atopid: Int
    /// The name the treaty page shows.
    package var name: String
    /// Other names the agreement is known by (searchable): an acronym or a second accepted name.
    package var also: [String]
    /// ATOP's start date (`begyr`, `begmo`, `begday`), as the importer reads it.
    package var start: String
    /// The COW codes of the states entering on the start date.
    package var founders: [Int]

    init(_ atopid: Int, _ name: String, also: [String], start: String, founders: [Int]) {
        (self.atopid, self.name, self.also, self.start, self.founders) = (atopid, name, also, start, founders)
    }

    /// The short name a page or a picture uses: an acronym it is known by ("NATO"), else the name when it is short
    /// enough.
    package var short: String? {
        also.first { $0.allSatisfy(\.isUppercase) } ?? (name.count <= 32 ? name : nil)
    }

    /// The entry for `atopid`, when the table has one.
    package static func entry(for atopid: Int) -> ATOPWellKnownName? { byID[atopid] }

    private static let byID = Dictionary(uniqueKeysWithValues: table.map { ($0.atopid, $0) })

    /// Alliances from the Quadruple Alliance (1815) to the Sino-Russian treaty (2001), in ATOP id order.
    package static let table: [ATOPWellKnownName] = [
        Self(1035, "Quadruple Alliance", also: [], start: "1815-11-20", founders: [200, 255, 300, 365]),
        Self(1075, "Treaty of Hünkâr İskelesi", also: [], start: "1833-07-08", founders: [365, 640]),
        Self(1335, "Dual Alliance", also: [], start: "1879-10-07", founders: [255, 300]),
        Self(1340, "League of the Three Emperors", also: ["Dreikaiserbund"], start: "1881-06-18", founders: [255, 300, 365]),
        Self(1350, "Triple Alliance", also: [], start: "1882-05-20", founders: [255, 300, 325]),
        Self(1370, "Reinsurance Treaty", also: [], start: "1887-06-18", founders: [255, 365]),
        Self(1385, "Franco-Russian Alliance", also: [], start: "1893-12-27", founders: [220, 365]),
        Self(1395, "Li–Lobanov Treaty", also: [], start: "1896-06-03", founders: [365, 710]),
        Self(1415, "Anglo-Japanese Alliance", also: [], start: "1902-01-30", founders: [200, 740]),
        Self(2005, "Ottoman–German Alliance", also: [], start: "1914-08-02", founders: [255, 640]),
        Self(2025, "Treaty of London (1915)", also: ["Treaty of London"], start: "1915-04-26", founders: [200, 220, 325, 365]),
        Self(2040, "Treaty of Bucharest (1916)", also: [], start: "1916-08-17", founders: [200, 220, 325, 360, 365]),
        Self(2060, "Franco-Polish Alliance", also: [], start: "1921-02-19", founders: [220, 290]),
        Self(2095, "Four-Power Treaty", also: [], start: "1921-12-13", founders: [2, 200, 220, 740]),
        Self(2130, "Locarno Treaty", also: ["Rhineland Pact"], start: "1925-10-16", founders: [200, 211, 220, 255, 325]),
        Self(2150, "Treaty of Berlin (1926)", also: [], start: "1926-04-24", founders: [255, 365]),
        Self(2240, "Litvinov Protocol", also: [], start: "1929-02-09", founders: [290, 360, 365, 366, 367]),
        Self(2302, "Pact of Organisation of the Little Entente", also: ["Little Entente"], start: "1933-02-16", founders: [315, 345, 360]),
        Self(2330, "Balkan Pact (1934)", also: ["Balkan Entente"], start: "1934-02-09", founders: [345, 350, 360, 640]),
        Self(2335, "Rome Protocols", also: [], start: "1934-03-17", founders: [305, 310, 325]),
        Self(2345, "Baltic Entente", also: [], start: "1934-09-12", founders: [366, 367, 368]),
        Self(2355, "Stresa Front", also: [], start: "1935-04-14", founders: [200, 220, 325]),
        Self(2360, "Franco-Soviet Treaty of Mutual Assistance", also: [], start: "1935-05-02", founders: [220, 365]),
        Self(2395, "Anti-Comintern Pact", also: [], start: "1936-11-25", founders: [255, 740]),
        Self(2410, "Treaty of Saadabad", also: [], start: "1937-07-08", founders: [630, 640, 645, 700]),
        Self(2420, "Nyon Agreement", also: [], start: "1937-09-14", founders: [200, 220, 345, 350, 355, 360, 365, 640, 651]),
        Self(2445, "Pact of Steel", also: [], start: "1939-05-22", founders: [255, 325]),
        Self(2470, "Molotov–Ribbentrop Pact", also: [], start: "1939-08-23", founders: [255, 365]),
        Self(2515, "Tripartite Pact", also: [], start: "1940-09-27", founders: [255, 325, 740]),
        Self(2525, "Soviet–Japanese Neutrality Pact", also: [], start: "1941-04-13", founders: [365, 740]),
        Self(2550, "Declaration by United Nations", also: [], start: "1942-01-01", founders: [2, 20, 40, 41, 42, 90, 91, 92, 93, 94, 95, 200, 210, 211, 212, 290, 315, 345, 350, 365, 385, 560, 710, 900, 920]),
        Self(3005, "Yalta Agreement", also: [], start: "1945-02-11", founders: [2, 200, 365]),
        Self(3010, "Act of Chapultepec", also: [], start: "1945-03-08", founders: [2, 40, 41, 42, 70, 90, 91, 92, 93, 94, 95, 100, 101, 130, 135, 140, 145, 150, 155, 160, 165]),
        Self(3015, "Pact of the League of Arab States", also: ["Arab League"], start: "1945-03-22", founders: [645, 651, 652, 660, 663, 670]),
        Self(3055, "Treaty of Dunkirk", also: [], start: "1947-03-04", founders: [200, 220]),
        Self(3075, "Inter-American Treaty of Reciprocal Assistance", also: ["Rio Treaty"], start: "1947-09-02", founders: [2, 40, 41, 42, 70, 90, 91, 92, 94, 95, 100, 101, 135, 140, 145, 150, 155, 160, 165]),
        Self(3130, "Brussels Treaty", also: ["Western Union"], start: "1948-03-17", founders: [200, 210, 211, 212, 220]),
        Self(3150, "Charter of the Organization of American States", also: ["OAS Charter"], start: "1948-04-30", founders: [2, 40, 41, 42, 70, 90, 91, 92, 93, 94, 95, 100, 101, 130, 135, 140, 145, 150, 155, 160, 165]),
        Self(3180, "North Atlantic Treaty", also: ["NATO"], start: "1949-04-04", founders: [2, 20, 200, 210, 211, 212, 220, 235, 325, 385, 390, 395]),
        Self(3200, "Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance", also: [], start: "1950-02-14", founders: [365, 710]),
        Self(3210, "Mutual Defense Treaty between the United States and the Philippines", also: [], start: "1951-08-30", founders: [2, 840]),
        Self(3215, "ANZUS Treaty", also: ["ANZUS"], start: "1951-09-01", founders: [2, 900, 920]),
        Self(3220, "Security Treaty between the United States and Japan (1951)", also: [], start: "1951-09-08", founders: [2, 740]),
        Self(3240, "Mutual Defense Treaty between the United States and the Republic of Korea", also: [], start: "1953-10-01", founders: [2, 732]),
        Self(3260, "Southeast Asia Collective Defense Treaty", also: ["SEATO"], start: "1954-09-08", founders: [2, 200, 220, 770, 800, 840, 900, 920]),
        Self(3270, "Sino-American Mutual Defense Treaty", also: [], start: "1954-12-02", founders: [2, 713]),
        Self(3275, "Baghdad Pact", also: ["CENTO"], start: "1955-02-24", founders: [640, 645]),
        Self(3285, "Warsaw Pact", also: [], start: "1955-05-14", founders: [265, 290, 310, 315, 339, 355, 360, 365]),
        Self(3375, "Treaty of Mutual Cooperation and Security between the United States and Japan", also: [], start: "1960-01-19", founders: [2, 740]),
        Self(3405, "Treaty of Guarantee (Cyprus)", also: [], start: "1960-08-16", founders: [200, 350, 352, 640]),
        Self(3440, "Soviet–North Korean Treaty of Friendship, Co-operation and Mutual Assistance", also: [], start: "1961-07-06", founders: [365, 731]),
        Self(3445, "Sino–North Korean Treaty of Friendship, Co-operation and Mutual Assistance", also: [], start: "1961-07-11", founders: [710, 731]),
        Self(3470, "Élysée Treaty", also: [], start: "1963-01-22", founders: [220, 260]),
        Self(3675, "Indo-Soviet Treaty of Peace, Friendship and Cooperation", also: [], start: "1971-08-09", founders: [365, 750]),
        Self(3740, "Helsinki Final Act", also: [], start: "1975-08-01", founders: [2, 20, 200, 205, 210, 211, 212, 220, 221, 223, 225, 230, 235, 260, 265, 290, 305, 310, 315, 325, 331, 338, 345, 350, 352, 355, 360, 365, 375, 380, 385, 390, 395, 640]),
        Self(3755, "Treaty of Amity and Cooperation in Southeast Asia", also: [], start: "1976-02-24", founders: [800, 820, 830, 840, 850]),
        Self(3825, "Soviet–Vietnamese Treaty of Friendship and Cooperation", also: [], start: "1978-11-03", founders: [365, 816]),
        Self(4175, "Maastricht Treaty", also: ["Treaty on European Union"], start: "1992-02-07", founders: [200, 205, 210, 211, 212, 220, 230, 235, 255, 325, 350, 390]),
        Self(4220, "Collective Security Treaty", also: ["CSTO"], start: "1992-05-15", founders: [365, 371, 702, 703, 704, 705]),
        Self(4953, "Constitutive Act of the African Union", also: [], start: "2000-07-12", founders: [402, 404, 411, 420, 432, 433, 434, 436, 439, 450, 451, 452, 461, 481, 482, 483, 516, 517, 522, 530, 551, 553, 570, 580, 615, 620, 625]),
        Self(4965, "Joint Defence Agreement of the Gulf Cooperation Council", also: [], start: "2000-12-31", founders: [670, 690, 692, 694, 696, 698]),
        Self(4980, "Sino-Russian Treaty of Friendship", also: [], start: "2001-07-16", founders: [365, 710]),
    ]
}
