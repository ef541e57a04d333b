package shop

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/store/web"
)

//go:embed templates/*.html static/style.css
var assets embed.FS

// pageTemplate is one page's template set: the layout and the page.
type pageTemplate struct{ t *template.Template }

// pageNames are the pages; each is templates/<name>.html, defining "main".
var pageNames = []string{"listing", "product", "cart", "checkout", "order", "root", "message"}

// maxPooledBuffer is the largest render buffer kept for reuse.
const maxPooledBuffer = 256 << 10

// parseFragments parses the fragments rendered once and reused (the
// switcher's options, the category navigation): html/template output,
// cached per configuration, market, locale and page.
func parseFragments() (*template.Template, error) {
	return template.ParseFS(assets, "templates/fragments.html")
}

func parseTemplates() (map[string]*pageTemplate, error) {
	pages := map[string]*pageTemplate{}
	for _, name := range pageNames {
		t, err := template.ParseFS(assets, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		pages[name] = &pageTemplate{t: t}
	}
	return pages, nil
}

// render executes a page into a pooled buffer and writes it only when the
// whole page rendered, so a template error is a clean 500, never half a
// page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, p *page) {
	buf := s.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			s.bufs.Put(buf)
		}
	}()
	if err := s.pages[name].t.ExecuteTemplate(buf, "layout", p); err != nil {
		s.log.LogAttrs(r.Context(), slog.LevelError, "render", slogErr(err), slogStr("page", name))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", p.Lang)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "private, no-cache")
	}
	if p.Status != 0 && p.Status != http.StatusOK {
		w.WriteHeader(p.Status)
	}
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

type messageData struct{ Heading, Text string }

func (s *Server) message(w http.ResponseWriter, r *http.Request, sel *web.Selection, status int, heading, text string) {
	var p *page
	if sel != nil {
		p = s.newPage(r, sel, heading)
	} else {
		p = &page{T: textsFor(language.English), Lang: "en", Title: heading, Home: "/"}
	}
	p.Status = status
	p.Data = &messageData{Heading: heading, Text: text}
	s.render(w, r, "message", p)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, sel *web.Selection) {
	t := textsFor(sel.Locale())
	s.message(w, r, sel, http.StatusNotFound, t.T("notfound"), "")
}

func (s *Server) notFoundMsg(w http.ResponseWriter, r *http.Request, sel *web.Selection, text string) {
	t := textsFor(sel.Locale())
	s.message(w, r, sel, http.StatusNotFound, t.T("notfound"), text)
}

// badRequest answers 400 with the page's heading in the market's
// language and the error's own text (the library's message, in English,
// naming the field and value at fault).
func (s *Server) badRequest(w http.ResponseWriter, r *http.Request, sel *web.Selection, err error) {
	s.message(w, r, sel, http.StatusBadRequest, textsOf(sel).T("badrequest"), err.Error())
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, sel *web.Selection, err error) {
	s.log.LogAttrs(r.Context(), slog.LevelError, "request failed", slogErr(err), slogStr("path", r.URL.Path))
	s.message(w, r, sel, http.StatusInternalServerError, textsOf(sel).T("error"), "")
}

// textsOf returns the texts of a selection's locale, English without one.
func textsOf(sel *web.Selection) texts {
	if sel == nil {
		return textsFor(language.English)
	}
	return textsFor(sel.Locale())
}

// serveNotFound answers paths under no market.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	s.message(w, r, nil, http.StatusNotFound, "Page not found", "")
}

// serveMaintenance writes the body of a market's 503 (the web layer has
// set the status and Retry-After).
func (s *Server) serveMaintenance(w http.ResponseWriter, r *http.Request) {
	sel, ok := web.FromContext(r.Context())
	if !ok {
		_, _ = w.Write([]byte("maintenance\n"))
		return
	}
	t := textsFor(sel.Locale())
	text := t.T("backsoon")
	if until, on := sel.Site().InMaintenance(sel.MarketID(), s.now()); on && !until.IsZero() {
		if loc := sel.Market().TimeZone; loc != nil {
			until = until.In(loc)
		}
		text = t.T("back", until.Format("15:04 MST"))
	}
	p := s.newPage(r, sel, t.T("maintenance"))
	p.Data = &messageData{Heading: t.T("maintenance"), Text: text}
	buf := new(bytes.Buffer)
	if err := s.pages["message"].t.ExecuteTemplate(buf, "layout", p); err != nil {
		_, _ = w.Write([]byte("maintenance\n"))
		return
	}
	_, _ = w.Write(buf.Bytes())
}

// serveRoot is "/" when the web layer does not redirect: the country
// chooser, with the detected market suggested.
func (s *Server) serveRoot(w http.ResponseWriter, r *http.Request) {
	if !allowed(w, r, http.MethodGet) {
		return
	}
	sel, ok := web.FromContext(r.Context())
	if !ok {
		s.serveNotFound(w, r)
		return
	}
	t := textsFor(sel.Locale())
	p := s.newPage(r, sel, t.T("choose"))
	p.Return = "/"
	if sel.Source() != web.FromDefault {
		p.Suggest = &option{Value: sel.MarketID(), Name: t.T("suggest", p.MarketName), URL: sel.Home()}
	}
	site := sel.Site()
	markets, _ := s.switcherOptions(site, sel.MarketID(), sel.Locale())
	var links []option
	for _, o := range markets {
		m, _ := site.Market(o.Value)
		links = append(links, option{Value: m.ID, Name: o.Name, URL: m.Prefix + "/"})
	}
	p.Data = links
	s.render(w, r, "root", p)
}

func serveCSS(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(assets, "static/style.css")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(b)
}

func slogErr(err error) slog.Attr   { return slog.String("error", err.Error()) }
func slogStr(k, v string) slog.Attr { return slog.String(k, v) }
