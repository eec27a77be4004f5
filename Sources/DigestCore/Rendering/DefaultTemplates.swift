/// The default templates, compiled in so that rendering works from any
/// directory. Generated from templates/ by scripts/embed-templates: edit
/// those files and run the script; a test fails while the two differ.
enum DefaultTemplates {
    static let files: [String: String] = [
        "_html-item.tmpl": #"""
{{! One item in the HTML render: its title is its only link. }}
<div style="margin:20px 0 0;">
<h3 dir="auto" style="margin:0 0 4px;font-size:18px;">{{#url}}<a href="{{url}}" style="color:#1d4e89;">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</h3>
{{#postedOn}}
<p style="margin:0 0 4px;color:#777777;font-size:13px;">Posted on: {{postedOn}}</p>
{{/postedOn}}
<p dir="auto" style="margin:0;white-space:pre-line;">{{attribution}}, {{dateLong}}:… {{excerpt}}</p>
</div>

"""#,
        "_markdown-item.tmpl": #"""
{{! One item in the Markdown render: its title is its only link. }}
### {{#url}}[{{title}}](<{{url}}>){{/url}}{{^url}}{{title}}{{/url}}

{{#postedOn}}
Posted on: {{postedOn}}

{{/postedOn}}
{{attribution}}, {{dateLong}}:… {{excerpt}}


"""#,
        "_text-item.tmpl": #"""
{{! One item in the text render, in the shape of a digest page: title,
    "Posted on", then the attribution, date, excerpt and link title in one
    paragraph, then the link in full. }}
{{title}}

{{#postedOn}}
Posted on: {{postedOn}}

{{/postedOn}}
{{attribution}}, {{dateLong}}:… {{excerpt}} {{linkText}}
{{#url}}

{{url}}
{{/url}}

"""#,
        "html.tmpl": #"""
{{! The HTML render: one standalone document for browsers and mail readers.
    Inline styles only, no scripts, no outside resources. Every variable is
    HTML-escaped, in text and in attributes alike. }}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{issue.displayTitle}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f1ec;">
<div style="max-width:640px;margin:0 auto;padding:24px 20px;background-color:#ffffff;color:#222222;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5;">
<h1 style="margin:0 0 8px;font-size:26px;">{{publication.name}}</h1>
{{#publication.about}}
<p style="margin:0 0 8px;color:#555555;white-space:pre-line;">{{publication.about}}</p>
{{/publication.about}}
{{#publication.hasContact}}
<p style="margin:0 0 8px;color:#555555;font-size:14px;">
{{#publication.email}}
Email: <a href="mailto:{{publication.email}}" style="color:#1d4e89;">{{publication.email}}</a><br>
{{/publication.email}}
{{#publication.website}}
Website: {{publication.website}}
{{/publication.website}}
</p>
{{/publication.hasContact}}
<h2 style="margin:24px 0 4px;font-size:22px;">{{issue.displayTitle}}</h2>
{{#issue.title}}
<p style="margin:0 0 8px;color:#555555;">Issue {{issue.number}}, {{issue.dateLong}}</p>
{{/issue.title}}
{{#issue.reissued}}
<p style="margin:0 0 8px;font-style:italic;">Edition {{issue.edition}}: corrected after it first went out.</p>
{{/issue.reissued}}
{{#issue.intro}}
<p style="margin:0 0 16px;white-space:pre-line;">{{issue.intro}}</p>
{{/issue.intro}}
{{#sections}}
{{#name}}
<h2 dir="auto" style="margin:28px 0 8px;font-size:20px;border-bottom:1px solid #dddddd;">{{name}}</h2>
{{/name}}
{{#items}}
{{> html-item}}
{{/items}}
{{/sections}}
{{^items}}
<p>This issue has no items.</p>
{{/items}}
<p style="margin:32px 0 0;padding-top:12px;border-top:1px solid #dddddd;color:#777777;font-size:13px;">
{{publication.name}}{{#publication.website}}, {{publication.website}}{{/publication.website}}
{{#publication.unsubscribeLink}}
<br>To unsubscribe: {{publication.unsubscribeLink}}
{{/publication.unsubscribeLink}}
</p>
</div>
</body>
</html>

"""#,
        "markdown.tmpl": #"""
{{! The Markdown render, for the website: CommonMark. Every variable is
    escaped so that a parser shows the text as written; templates/README.md
    lists the variables. }}
# {{publication.name}}

{{#publication.about}}
{{publication.about}}

{{/publication.about}}
{{#publication.email}}
Email: [{{publication.email}}](<mailto:{{publication.email}}>)

{{/publication.email}}
{{#publication.website}}
Website: [{{publication.website}}](<{{publication.website}}>)

{{/publication.website}}
## {{issue.displayTitle}}

{{#issue.title}}
Issue {{issue.number}}, {{issue.dateLong}}

{{/issue.title}}
{{#issue.reissued}}
*Edition {{issue.edition}}: corrected after it first went out.*

{{/issue.reissued}}
{{#issue.intro}}
{{issue.intro}}

{{/issue.intro}}
{{#sections}}
{{#name}}
## {{name}}

{{/name}}
{{#items}}
{{> markdown-item}}
{{/items}}
{{/sections}}
{{^items}}
This issue has no items.

{{/items}}
---

{{publication.name}}{{#publication.website}}, {{publication.website}}{{/publication.website}}
{{#publication.unsubscribeLink}}

To unsubscribe: {{publication.unsubscribeLink}}
{{/publication.unsubscribeLink}}

"""#,
        "text.tmpl": #"""
{{! The plain-text render: the body of the email. After rendering, lines are
    wrapped at 72 columns, and only the last line that is exactly "-- " (dash,
    dash, space: keep the space) stays a signature delimiter. }}
{{publication.name}}
{{#publication.about}}

{{publication.about}}
{{/publication.about}}
{{#publication.hasContact}}

{{#publication.email}}
Email: {{publication.email}}
{{/publication.email}}
{{#publication.website}}
Website: {{publication.website}}
{{/publication.website}}
{{/publication.hasContact}}

{{issue.displayTitle}}
{{#issue.title}}
Issue {{issue.number}}, {{issue.dateLong}}
{{/issue.title}}
{{#issue.reissued}}
Edition {{issue.edition}}: corrected after it first went out.
{{/issue.reissued}}
{{#issue.intro}}

{{issue.intro}}
{{/issue.intro}}
{{#sections}}
{{#name}}

=== {{name}} ===
{{/name}}
{{#items}}

{{> text-item}}
{{/items}}
{{/sections}}
{{^items}}

This issue has no items.
{{/items}}

-- 
{{publication.name}}
{{#publication.website}}
{{publication.website}}
{{/publication.website}}
{{#publication.unsubscribeLink}}
To unsubscribe: {{publication.unsubscribeLink}}
{{/publication.unsubscribeLink}}

"""#,
    ]
}
