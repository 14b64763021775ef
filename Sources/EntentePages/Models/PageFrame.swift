import EntenteModel
import EntenteSupport
import EntenteResolving
import EntenteMarkdown
import EntentePictures
import TemplateEngine

/// What every page's template receives besides its own values: the site, the page, the navigation.
package struct PageFrame: TemplateModel {
    package var site: SiteModel
    package var page: PageInfoModel
    package var nav: [NavItemModel]
    package var links: SectionLinksModel
    package var stylesheet: String
    package var generator: String

    package static let schema = TemplateSchema<PageFrame>("page frame", [
        .object("site", "the site's settings") { $0.site },
        .object("page", "this page") { $0.page },
        .list("nav", "the main sections, for the navigation bar") { $0.nav },
        .object("links", "a link to each section from this page") { $0.links },
        .text("stylesheet", "the theme's stylesheet, relative to this page") { $0.stylesheet },
        .text("generator", "`Entente`") { $0.generator },
    ])
}

/// The site's settings as templates see them.
package struct SiteModel: TemplateModel {
    package var title: String
    package var description: String?
    package var language: String
    package var author: String?
    package var credits: String?
    package var homeURL: String

    package static let schema = TemplateSchema<SiteModel>("site", [
        .text("title", "`title` of site.yaml") { $0.title },
        .optionalText("description", "`description` of site.yaml") { $0.description },
        .text("language", "`language` of site.yaml") { $0.language },
        .optionalText("author", "`author` of site.yaml") { $0.author },
        .optionalText("credits", "`credits` of site.yaml") { $0.credits },
        .text("home_url", "the home page, relative to this page") { $0.homeURL },
    ])
}

/// The page being rendered.
package struct PageInfoModel: TemplateModel {
    package var title: String
    package var description: String
    package var root: String
    package var canonical: String?
    package var isHome: Bool
    package var feed: FeedLinkModel
    package var breadcrumbs: [BreadcrumbModel]

    package static let schema = TemplateSchema<PageInfoModel>("page", [
        .text("title", "the page's title") { $0.title },
        .text("description", "its description, else the site's, else the site's title") { $0.description },
        .text("root", "the way back to the site's root (`../../`)") { $0.root },
        .optionalText("canonical", "its absolute URL, with `base_url` only") { $0.canonical },
        .bool("is_home", "whether this is the home page") { $0.isHome },
        .object("feed", "the Atom feed the page offers: the site's, or the actor's or treaty's own") { $0.feed },
        .joinedList("breadcrumbs", "Home › section › this page (empty on the home page)") { $0.breadcrumbs },
    ])
}

/// An Atom feed a page links to.
package struct FeedLinkModel: TemplateModel {
    package var url: String
    package var title: String

    package static let schema = TemplateSchema<FeedLinkModel>("feed", [
        .text("url", "the feed, relative to this page") { $0.url },
        .text("title", "the feed's title") { $0.title },
    ])
}

/// One step of the trail from the home page; the last, the page itself, has no link.
package struct BreadcrumbModel: TemplateModel {
    package var name: String
    package var url: String?

    package static let schema = TemplateSchema<BreadcrumbModel>("breadcrumb", [
        .text("name", "the step's name") { $0.name },
        .optionalText("url", "its link, absent on the last step") { $0.url },
    ])
}

/// One section of the navigation bar.
package struct NavItemModel: TemplateModel {
    package var name: String
    package var url: String
    package var current: Bool

    package static let schema = TemplateSchema<NavItemModel>("navigation item", [
        .text("name", "the section's name") { $0.name },
        .text("url", "its index, relative to this page") { $0.url },
        .bool("current", "whether this page is in that section") { $0.current },
    ])
}

/// A link to each section's index from the current page.
package struct SectionLinksModel: TemplateModel {
    package var analyses, actors, treaties, network, timeline, tags, search: String

    package static let schema = TemplateSchema<SectionLinksModel>("section link table", [
        .text("analyses") { $0.analyses }, .text("actors") { $0.actors }, .text("treaties") { $0.treaties },
        .text("network") { $0.network }, .text("timeline") { $0.timeline }, .text("tags") { $0.tags },
        .text("search") { $0.search },
    ])
}
