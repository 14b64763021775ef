import TemplateEngine

/// What a page is made of: a theme template with its model's value, or text that no template makes.
package enum PageContent {
    case page(name: String, value: TemplateValue)
    case text(String)

    /// A page of `template`, whose model only that template's model type can be.
    package static func page<Model>(_ template: PageTemplate<Model>, _ model: Model) -> PageContent {
        .page(name: template.name, value: model.templateValue)
    }
}
