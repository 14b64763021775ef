import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// One dated event of an agreement, on the timeline and the home page.
package struct TimelineEventModel: TemplateModel {
    package var date: DateModel
    package var type: String
    package var typeKey: String
    package var note: String?
    package var treaty: TreatyLinkModel
    package var actor: ActorLinkModel?

    package static let schema = TemplateSchema<TimelineEventModel>("event", [
        .object("date", "when it happened") { $0.date },
        .text("type", "what happened (`Signed`)") { $0.type },
        .text("type_key", "the same as a key (`signed`), for styling") { $0.typeKey },
        .optionalText("note", "a note on the event") { $0.note },
        .object("treaty", "the agreement") { $0.treaty },
        .optionalObject("actor", "the party it concerns, when it concerns one") { $0.actor },
    ])
}
