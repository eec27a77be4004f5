/// The default templates, compiled in so that rendering works from any
/// directory. Generated from templates/ by scripts/embed-templates: edit
/// those files and run the script; a test fails while the two differ.
enum DefaultTemplates {
    static let files: [String: String] = [
        "_html-item.tmpl": #"""
{{! One item in the HTML render, a row of its own: its title is its only
    link; the source and date are a line of their own above the excerpt. }}
<tr>
<td style="padding:20px 20px 0;font-family:Georgia,'Times New Roman',Times,serif;font-size:16px;line-height:1.5;color:#222222;overflow-wrap:break-word;">
<h3 dir="auto" style="margin:0 0 4px;font-size:18px;line-height:1.35;font-weight:bold;color:#222222;">{{#url}}<a href="{{url}}" style="color:#1a5fb4;">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</h3>
<p dir="auto" class="muted" style="margin:0 0 6px;color:#555555;font-size:14px;">{{attribution}}, {{dateLong}}{{#postedOn}} · Posted on: {{postedOn}}{{/postedOn}}</p>
<p dir="auto" style="margin:0;white-space:pre-line;">{{excerpt}}</p>
</td>
</tr>

"""#,
        "_markdown-item.tmpl": #"""
{{! One item in the Markdown render: its title is its only link; the
    source and date are a line of their own above the excerpt. }}
### {{#url}}[{{title}}](<{{url}}>){{/url}}{{^url}}{{title}}{{/url}}

{{attribution}}, {{dateLong}}{{#postedOn}} · Posted on: {{postedOn}}{{/postedOn}}

{{excerpt}}


"""#,
        "_text-item.tmpl": #"""
{{! One item in the text render: the title (with its [N] when links are
    numbered), the source and date on a line of their own, the excerpt as a
    paragraph, then the link in full, after the item's own link text when
    it has one. The title appears once. }}
{{title}}{{#linkNumber}} [{{linkNumber}}]{{/linkNumber}}
{{attribution}}, {{dateLong}}
{{#postedOn}}
Posted on: {{postedOn}}
{{/postedOn}}

{{excerpt}}
{{^numberedLinks}}
{{#url}}

{{#ownLinkText}}{{ownLinkText}}: {{/ownLinkText}}{{url}}
{{/url}}
{{/numberedLinks}}

"""#,
        "html.tmpl": #"""
{{! The HTML render: one standalone document for mail readers and browsers,
    laid out the way email clients need it. Tables marked role="presentation"
    carry the layout, a 600 px column centred on the page that narrows with
    the screen; Outlook for Windows, which ignores max-width, gets a fixed
    600 px table inside its conditional comments. Each text cell has its own
    inline style and font stack (some clients drop <style> elements); the one
    <style> element holds the dark scheme (prefers-color-scheme, and the
    attributes Outlook.com sets) and loads nothing; there are no scripts,
    images or outside resources. The masthead is one line (the publication,
    the issue, the page online); who the publication is and how to reach it
    are in the footer, so the first item starts near the top. Every variable is
    HTML-escaped, in text and in attributes alike. }}
<!DOCTYPE html>
<html lang="{{publication.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{{issue.displayTitle}}</title>
<style>
@media (prefers-color-scheme: dark) {
  .page { background-color: #17181a !important; }
  .card { background-color: #232427 !important; }
  .card td, .card h1, .card h2, .card h3, .card p, .card li { color: #e8e6e3 !important; }
  .card .muted { color: #b9b6b0 !important; }
  .card a { color: #8ab4f8 !important; }
  .card .rule { border-color: #4a4a4a !important; }
}
[data-ogsb] .page { background-color: #17181a !important; }
[data-ogsb] .card { background-color: #232427 !important; }
[data-ogsc] .card td, [data-ogsc] .card h1, [data-ogsc] .card h2, [data-ogsc] .card h3, [data-ogsc] .card p, [data-ogsc] .card li { color: #e8e6e3 !important; }
[data-ogsc] .card .muted { color: #b9b6b0 !important; }
[data-ogsc] .card a { color: #8ab4f8 !important; }
</style>
</head>
<body class="page" style="margin:0;padding:0;width:100%;background-color:#f3f1ec;">
{{#issue.preheader}}
<!--[if !mso]><!-->
<div style="display:none;max-height:0;max-width:0;opacity:0;overflow:hidden;">{{issue.preheader}}&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;&#8204;&nbsp;</div>
<!--<![endif]-->
{{/issue.preheader}}
<table role="presentation" class="page" style="width:100%;border-collapse:collapse;border-spacing:0;background-color:#f3f1ec;">
<tr>
<td class="page" style="padding:16px 8px;">
<!--[if mso]>
<table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td>
<![endif]-->
<div style="max-width:600px;margin:0 auto;">
<table role="presentation" class="card" style="width:100%;table-layout:fixed;border-collapse:collapse;border-spacing:0;background-color:#ffffff;">
<tr>
<td class="muted" style="padding:14px 20px 0;font-family:Georgia,'Times New Roman',Times,serif;font-size:13px;line-height:1.4;color:#5c5c5c;overflow-wrap:break-word;">
<p class="muted" style="margin:0;color:#5c5c5c;"><b>{{publication.name}}</b>{{#issue.title}} · Issue {{issue.number}}, {{issue.dateLong}}{{/issue.title}}{{#issue.onlineURL}} · <a href="{{issue.onlineURL}}" style="color:#1a5fb4;">View online</a>{{/issue.onlineURL}}</p>
</td>
</tr>
<tr>
<td style="padding:8px 20px 0;font-family:Georgia,'Times New Roman',Times,serif;font-size:16px;line-height:1.5;color:#222222;overflow-wrap:break-word;">
<h1 style="margin:0 0 8px;font-size:24px;line-height:1.25;font-weight:bold;color:#222222;">{{#issue.title}}{{issue.title}}{{/issue.title}}{{^issue.title}}Issue {{issue.number}}, {{issue.dateLong}}{{/issue.title}}</h1>
{{#issue.reissued}}
<p style="margin:0 0 8px;font-style:italic;">Correction (edition {{issue.edition}}){{#issue.correction}}: {{issue.correction}}{{/issue.correction}}{{^issue.correction}}: corrected after it first went out.{{/issue.correction}}</p>
{{/issue.reissued}}
{{#issue.intro}}
<p style="margin:0 0 8px;white-space:pre-line;">{{issue.intro}}</p>
{{/issue.intro}}
</td>
</tr>
{{#tableOfContents}}
<tr>
<td style="padding:12px 20px 0;font-family:Georgia,'Times New Roman',Times,serif;font-size:15px;line-height:1.5;color:#222222;overflow-wrap:break-word;">
<p style="margin:0 0 4px;font-weight:bold;">In this issue</p>
<ul style="margin:0;padding:0 0 0 20px;">
{{#contents}}
<li dir="auto" style="margin:0;"><a href="#{{anchor}}" style="color:#1a5fb4;">{{name}}</a></li>
{{/contents}}
</ul>
</td>
</tr>
{{/tableOfContents}}
{{#sections}}
{{#name}}
<tr>
<td style="padding:28px 20px 0;font-family:Georgia,'Times New Roman',Times,serif;font-size:16px;line-height:1.5;color:#222222;overflow-wrap:break-word;">
<h2 id="{{anchor}}" dir="auto" style="margin:0;padding:0 0 4px;font-size:20px;line-height:1.3;font-weight:bold;color:#222222;border-bottom:1px solid #dddddd;">{{name}}</h2>
</td>
</tr>
{{/name}}
{{#items}}
{{> html-item}}
{{/items}}
{{/sections}}
{{^items}}
<tr>
<td style="padding:20px 20px 0;font-family:Georgia,'Times New Roman',Times,serif;font-size:16px;line-height:1.5;color:#222222;">
<p style="margin:0;">This issue has no items.</p>
</td>
</tr>
{{/items}}
<tr>
<td class="muted" style="padding:32px 20px 20px;font-family:Georgia,'Times New Roman',Times,serif;font-size:13px;line-height:1.5;color:#5c5c5c;overflow-wrap:break-word;">
<p class="muted rule" style="margin:0;padding:12px 0 0;border-top:1px solid #dddddd;color:#5c5c5c;">
<b>{{publication.name}}</b>{{#publication.about}}<br><span style="white-space:pre-line;">{{publication.about}}</span>{{/publication.about}}
{{#publication.email}}
<br>Email: <a href="mailto:{{publication.email}}" style="color:#1a5fb4;">{{publication.email}}</a>
{{/publication.email}}
{{#publication.website}}
<br>Website: <a href="{{publication.website}}" style="color:#1a5fb4;">{{publication.website}}</a>
{{/publication.website}}
{{#issue.onlineURL}}
<br><a href="{{issue.onlineURL}}" style="color:#1a5fb4;">Read this issue online</a>
{{/issue.onlineURL}}
{{#publication.unsubscribeLink}}
<br>To unsubscribe: <a href="{{publication.unsubscribeLink}}" style="color:#1a5fb4;">{{publication.unsubscribeLink}}</a>
{{/publication.unsubscribeLink}}
{{#publication.postalAddress}}
<br>{{publication.postalAddress}}
{{/publication.postalAddress}}
</p>
</td>
</tr>
</table>
</div>
<!--[if mso]>
</td></tr></table>
<![endif]-->
</td>
</tr>
</table>
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
*Correction (edition {{issue.edition}}){{#issue.correction}}: {{issue.correction}}{{/issue.correction}}{{^issue.correction}}: corrected after it first went out.{{/issue.correction}}*

{{/issue.reissued}}
{{#issue.intro}}
{{issue.intro}}

{{/issue.intro}}
{{#tableOfContents}}
In this issue:

{{#contents}}
- [{{name}}](<#{{anchor}}>)
{{/contents}}

{{/tableOfContents}}
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
    dash, space: keep the space) stays a signature delimiter. With
    render.text-links numbered, each link is a [N] reference and the links
    are listed before the footer. }}
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
Correction (edition {{issue.edition}}){{#issue.correction}}: {{issue.correction}}{{/issue.correction}}{{^issue.correction}}: corrected after it first went out.{{/issue.correction}}
{{/issue.reissued}}
{{#issue.onlineURL}}

View this issue online: {{issue.onlineURL}}
{{/issue.onlineURL}}
{{#issue.intro}}

{{issue.intro}}
{{/issue.intro}}
{{#tableOfContents}}

In this issue:
{{#contents}}
- {{name}}
{{/contents}}
{{/tableOfContents}}
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
{{#numberedLinks}}

Links:
{{#links}}
[{{number}}] {{url}}
{{/links}}
{{/numberedLinks}}

-- 
{{publication.name}}
{{#publication.website}}
{{publication.website}}
{{/publication.website}}
{{#issue.onlineURL}}
Read this issue online: {{issue.onlineURL}}
{{/issue.onlineURL}}
{{#publication.unsubscribeLink}}
To unsubscribe: {{publication.unsubscribeLink}}
{{/publication.unsubscribeLink}}
{{#publication.postalAddress}}
{{publication.postalAddress}}
{{/publication.postalAddress}}

"""#,
    ]
}
