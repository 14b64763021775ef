import TemplateEngine

/// One dated event of an agreement, on the timeline and the home page.
struct TimelineEventModel: TemplateModel {
    var date: DateModel
    var type: String
    var typeKey: String
    var note: String?
    var treaty: TreatyLinkModel
    var actor: ActorLinkModel?

    static let schema = TemplateSchema<TimelineEventModel>("event", [
        .object("date", "when it happened") { $0.date },
        .text("type", "what happened (`Signed`)") { $0.type },
        .text("type_key", "the same as a key (`signed`), for styling") { $0.typeKey },
        .optionalText("note", "a note on the event") { $0.note },
        .object("treaty", "the agreement") { $0.treaty },
        .optionalObject("actor", "the party it concerns, when it concerns one") { $0.actor },
    ])
}
