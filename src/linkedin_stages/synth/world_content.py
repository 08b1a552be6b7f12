"""Invented text in Spanish ("es"), Portuguese ("pt") and German ("de") for the sample members
who write in them, and substantive comments (in those languages and English) for members who
speak in others' threads.

Smaller than `content.py`'s English and French banks: posts, comments, shares, articles,
events and names, which is what the stage rules and the text signals read; profile fields,
messages and news links of these members come from `content.py` in English. Business posts
carry what a power networker's posts carry in any language — an offer, a booking link, an
event with its registration — and always a language-neutral cue (a booking link, a webinar
or masterclass), so that business intent is evidenced whatever the lexicons know. No other
text here holds a call to action. No real person or company is named.
"""

from __future__ import annotations

import random

LANGS = ("es", "pt", "de")
COMMENT_LANGS = ("en", *LANGS)

_FIRST = {
    "es": ("Lucía", "Mateo", "Valentina", "Diego", "Camila", "Javier", "Sofía", "Andrés",
           "Martina", "Pablo"),
    "pt": ("Ana", "João", "Beatriz", "Rafael", "Larissa", "Thiago", "Camila", "Lucas",
           "Fernanda", "Gustavo"),
    "de": ("Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas", "Clara", "Tobias", "Greta",
           "Moritz"),
}
_LAST = {
    "es": ("Ortega Blanco", "Navarro", "Iglesias", "Quintana", "Salvatierra", "Montoya",
           "Ferrándiz", "Olmedo"),
    "pt": ("Carvalhedo", "Siqueira", "Bragança Lima", "Moreira", "Vasconcelos", "Teixeira",
           "Albuquerque", "Peixoto"),
    "de": ("Brandtner", "Hollweg", "Stahlberg", "Kernbach", "Wiesmann", "Lindenau", "Rottmann",
           "Falkner"),
}
_TITLES = {
    "es": ("Consultora de estrategia", "Jefe de producto", "Analista de datos",
           "Directora comercial", "Responsable de marketing"),
    "pt": ("Consultora de vendas", "Gerente de produto", "Analista de dados",
           "Diretor comercial", "Coordenadora de marketing"),
    "de": ("Softwareentwicklerin", "Produktmanager", "Datenanalystin", "Vertriebsleiter",
           "Teamleiterin Entwicklung"),
}
_KEYWORDS = {
    "es": ("la estrategia comercial", "la transformación digital", "la gestión de equipos",
           "la experiencia de cliente", "los datos de ventas", "la prospección"),
    "pt": ("a estratégia comercial", "a transformação digital", "a gestão de equipes",
           "a experiência do cliente", "os dados de vendas", "a prospecção"),
    "de": ("die Softwarearchitektur", "die Codequalität", "die Teamführung",
           "die Datenqualität", "das Produktmanagement", "die Testautomatisierung"),
}
_HASHTAGS = {
    "es": ("#Estrategia", "#Ventas", "#Liderazgo", "#TransformaciónDigital", "#Consultoría"),
    "pt": ("#Vendas", "#Estratégia", "#Liderança", "#Empreendedorismo", "#Marketing"),
    "de": ("#Softwareentwicklung", "#Führung", "#Daten", "#Qualität", "#Produktmanagement"),
}
_POSTS = {
    "es": (
        "Hace {n} años pensaba que {kw} era cuestión de herramientas. Hoy creo que es cuestión "
        "de hábitos: lo que mi equipo repite cada semana pesa más que cualquier plan bonito.",
        "Esta semana aprendí algo incómodo sobre {kw}: yo era el cuello de botella. Delegar me "
        "costó, pero los resultados del trimestre me dieron la razón.",
        "Mi opinión, después de {n} proyectos: {kw} no falla por falta de ideas, falla porque "
        "nadie decide qué dejar de hacer. Elegir es la parte difícil.",
        "Una lección de mi último cliente sobre {kw}: escuchar primero, proponer después. "
        "Parece obvio y sin embargo yo mismo lo olvido cuando tengo prisa.",
        "Cuando empecé a trabajar en {kw} me equivoqué en casi todo. Comparto tres errores que "
        "ya no repito: medir tarde, hablar poco con el cliente y querer abarcarlo todo.",
    ),
    "pt": (
        "Há {n} anos eu achava que {kw} era uma questão de ferramentas. Hoje vejo que é uma "
        "questão de hábitos: o que a minha equipe repete toda semana vale mais que qualquer plano.",
        "Nesta semana aprendi algo desconfortável sobre {kw}: eu era o gargalo. Delegar me "
        "custou, mas os resultados do trimestre mostraram que valeu a pena.",
        "Minha opinião depois de {n} projetos: {kw} não falha por falta de ideias, falha porque "
        "ninguém decide o que parar de fazer. Escolher é a parte difícil.",
        "Uma lição do meu último cliente sobre {kw}: ouvir primeiro, propor depois. Parece "
        "óbvio, e mesmo assim eu esqueço quando estou com pressa.",
        "Quando comecei a trabalhar com {kw} errei em quase tudo. Compartilho três erros que "
        "não repito mais: medir tarde, falar pouco com o cliente e querer abraçar tudo.",
    ),
    "de": (
        "Vor {n} Jahren dachte ich, {kw} sei eine Frage der Werkzeuge. Heute weiß ich: Es geht "
        "um Gewohnheiten. Was mein Team jede Woche wiederholt, zählt mehr als jeder schöne Plan.",
        "Diese Woche habe ich etwas Unbequemes über {kw} gelernt: Ich war der Engpass. Abgeben "
        "fiel mir schwer, aber die Ergebnisse des Quartals geben dem Team recht.",
        "Meine Meinung nach {n} Projekten: {kw} scheitert selten an fehlenden Ideen, sondern "
        "daran, dass niemand entscheidet, was man weglässt. Weglassen ist der schwierige Teil.",
        "Eine Lektion aus meinem letzten Projekt zu {kw}: erst zuhören, dann vorschlagen. Klingt "
        "banal, und trotzdem vergesse ich es selbst, wenn es schnell gehen muss.",
        "Als ich mit {kw} angefangen habe, lag ich bei fast allem daneben. Drei Fehler, die ich "
        "nicht mehr mache: zu spät messen, zu wenig mit Nutzern reden und alles auf einmal wollen.",
    ),
}
_BUSINESS = {  # each with a booking link or an event: evidence in any language
    "es": (
        "Este mes abro {spots} plazas para mi programa de acompañamiento en {kw}. Si quieres "
        "mejorar tus resultados este trimestre, reserva una llamada de 30 minutos: {booking}",
        "Webinar gratuito el jueves a las 18 h: cómo ordenar {kw} en 90 días, con ejemplos de "
        "mis clientes. Inscríbete aquí, plazas limitadas: {link}",
        "Mi nueva oferta para pymes: un diagnóstico de {kw} en dos semanas, con plan de acción. "
        "Escríbeme por mensaje privado o agenda tu llamada: {booking}",
        "Masterclass en directo la próxima semana sobre {kw}: tres métodos que aplico con mis "
        "clientes. Enlace de inscripción en los comentarios 👇 {link}",
    ),
    "pt": (
        "Neste mês abro {spots} vagas para a minha mentoria em {kw}. Se você quer melhorar os "
        "seus resultados neste trimestre, agende uma conversa de 30 minutos: {booking}",
        "Webinar gratuito na quinta às 19 h: como organizar {kw} em 90 dias, com exemplos dos "
        "meus clientes. Inscreva-se aqui, vagas limitadas: {link}",
        "Minha nova oferta para pequenas empresas: um diagnóstico de {kw} em duas semanas, com "
        "plano de ação. Me chama no direct ou agende a sua conversa: {booking}",
        "Masterclass ao vivo na semana que vem sobre {kw}: três métodos que aplico com os meus "
        "clientes. Link de inscrição nos comentários 👇 {link}",
    ),
    "de": (
        "Diesen Monat habe ich {spots} Plätze für mein Coaching zu {kw} frei. Wenn du in diesem "
        "Quartal bessere Ergebnisse willst, buch dir ein 30-Minuten-Gespräch: {booking}",
        "Kostenloses Webinar am Donnerstag um 18 Uhr: {kw} in 90 Tagen ordnen, mit Beispielen "
        "aus meinen Projekten. Jetzt anmelden, begrenzte Plätze: {link}",
        "Mein neues Angebot für den Mittelstand: eine Analyse von {kw} in zwei Wochen, mit "
        "Maßnahmenplan. Schreib mir eine Nachricht oder buche direkt einen Termin: {booking}",
        "Live-Masterclass nächste Woche zu {kw}: drei Methoden aus meiner Praxis. Link zur "
        "Anmeldung in den Kommentaren 👇 {link}",
    ),
}
_CURATED = {
    "es": ("Muy interesante.", "Para leer con calma.", "Buen análisis sobre {kw}.", "👇"),
    "pt": ("Muito interessante.", "Vale a leitura.", "Boa análise sobre {kw}.", "👇"),
    "de": ("Sehr lesenswert.", "Spannender Beitrag.", "Gute Analyse zu {kw}.", "👇"),
}
_COMMENTED = {
    "es": ("Comparto este artículo sobre {kw} porque resume lo que veo cada semana con mis "
           "equipos: sin un responsable claro, las buenas intenciones se quedan en el cajón. "
           "Me quedo con la idea de medir pronto.",),
    "pt": ("Compartilho este artigo sobre {kw} porque resume o que vejo toda semana com as "
           "equipes: sem um responsável claro, as boas intenções ficam na gaveta. Fico com a "
           "ideia de medir cedo.",),
    "de": ("Ich teile diesen Artikel zu {kw}, weil er zusammenfasst, was ich jede Woche in "
           "Teams erlebe: Ohne klare Verantwortung bleiben gute Absichten in der Schublade. "
           "Mein Fazit: früh messen.",),
}
_COMMENTS = {  # substantive: an opinion, an experience or a question, never a call to action
    "en": ("I've seen the same in {n} teams: the process question always hides behind the "
           "tooling one. What made the difference for you, the owner or the cadence?",
           "Useful point. In my experience the hard part is not starting but keeping it going "
           "after the first quarter, when nobody is watching the numbers any more.",
           "I'd add one thing: write the decision down before the meeting, not after. It "
           "changed how our reviews went, and it costs ten minutes.",
           "Respectfully, I disagree a little: small teams can skip most of this and still do "
           "well, as long as someone owns the outcome and says no to the rest.",
           "This matches what we measured last year: the gains came from fewer priorities, not "
           "from more effort. Curious whether the same held in larger companies.",
           "Thanks for putting numbers on it. We tried the opposite approach for six months "
           "and went back; the weekly review was the piece we had underestimated."),
    "es": ("He visto lo mismo en {n} equipos: la pregunta de procesos siempre se esconde detrás "
           "de la de herramientas. ¿Qué marcó la diferencia en tu caso?",
           "Muy buen punto. Según mi experiencia lo difícil no es empezar, sino mantenerlo "
           "después del primer trimestre, cuando ya nadie mira los números.",),
    "pt": ("Vi o mesmo em {n} equipes: a questão de processo sempre se esconde atrás da "
           "questão de ferramenta. O que fez a diferença no seu caso?",
           "Ótimo ponto. Na minha experiência o difícil não é começar, é manter depois do "
           "primeiro trimestre, quando ninguém mais olha os números.",),
    "de": ("Das habe ich in {n} Teams genauso erlebt: Hinter der Werkzeugfrage steckt fast "
           "immer eine Prozessfrage. Was hat bei euch den Unterschied gemacht?",
           "Guter Punkt. Nach meiner Erfahrung ist nicht der Anfang schwer, sondern das "
           "Durchhalten nach dem ersten Quartal, wenn keiner mehr auf die Zahlen schaut.",),
}
_SHORT_COMMENTS = {"es": ("¡Enhorabuena!", "Totalmente de acuerdo 👏", "Gracias por compartir"),
                   "pt": ("Parabéns!", "Concordo totalmente 👏", "Obrigado por compartilhar"),
                   "de": ("Glückwunsch!", "Sehe ich genauso 👏", "Danke fürs Teilen")}
_REPLIES = {"es": ("Gracias {first}, justo eso: empezar pequeño y medir pronto.",),
            "pt": ("Obrigado {first}, é isso mesmo: começar pequeno e medir cedo.",),
            "de": ("Danke {first}, genau das: klein anfangen und früh messen.",)}
_ARTICLES = {
    "es": ("Lo que {n} años de {kw} me enseñaron",
           "Durante {n} años trabajé en {kw}. Estas son las lecciones que me llevo: decidir qué "
           "no hacer, medir desde el primer mes y hablar con los clientes cada semana."),
    "pt": ("O que {n} anos de {kw} me ensinaram",
           "Durante {n} anos trabalhei com {kw}. Estas são as lições que levo: decidir o que não "
           "fazer, medir desde o primeiro mês e conversar com os clientes toda semana."),
    "de": ("Was mich {n} Jahre {kw} gelehrt haben",
           "{n} Jahre lang habe ich mich mit {kw} beschäftigt. Das nehme ich mit: entscheiden, "
           "was man weglässt, ab dem ersten Monat messen und jede Woche mit Nutzern sprechen."),
}
_EVENTS = {"es": "Masterclass: {kw_cap} en 90 días", "pt": "Masterclass: {kw_cap} em 90 dias",
           "de": "Masterclass: {kw_cap} in 90 Tagen"}


def _check(lang: str, known: tuple[str, ...] = LANGS) -> None:
    if lang not in known:
        raise ValueError(f"lang must be one of {known}, not {lang!r}")


def _fill(rng: random.Random, template: str, lang: str, **extra: str) -> str:
    keyword = rng.choice(_KEYWORDS[lang]) if lang in _KEYWORDS else "the process"
    return template.format(kw=keyword, kw_cap=keyword[:1].upper() + keyword[1:],
                           n=rng.randint(3, 12), spots=rng.randint(3, 8), **extra)


def person_name(rng: random.Random, lang: str) -> tuple[str, str]:
    _check(lang)
    return rng.choice(_FIRST[lang]), rng.choice(_LAST[lang])


def job_title(rng: random.Random, lang: str) -> str:
    _check(lang)
    return rng.choice(_TITLES[lang])


def _links(rng: random.Random, lang: str) -> dict[str, str]:
    first, last = person_name(rng, lang)
    handle = f"{first}-{last}".lower().replace(" ", "-")
    code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(7))
    return {"booking": f"https://calendly.example.com/{handle}/30min",
            "link": f"https://lnkd.in/{code}"}


def original_post(rng: random.Random, lang: str, *, business: bool = False,
                  mention: str | None = None) -> str:
    """An own post (about 30–45 words) in the member's voice; `business`: an offer, a booking
    link or an event with its registration."""
    _check(lang)
    if business:
        text = _fill(rng, rng.choice(_BUSINESS[lang]), lang, **_links(rng, lang))
    else:
        text = _fill(rng, rng.choice(_POSTS[lang]), lang)
    if mention:
        text += f" {mention} 🙏"
    return f"{text}\n\n{' '.join(rng.sample(_HASHTAGS[lang], rng.randint(1, 3)))}"


def curated_comment(rng: random.Random, lang: str) -> str:
    _check(lang)
    return _fill(rng, rng.choice(_CURATED[lang]), lang)


def commented_reshare(rng: random.Random, lang: str) -> str:
    _check(lang)
    return _fill(rng, rng.choice(_COMMENTED[lang]), lang)


def comment_text(rng: random.Random, lang: str, *, mention: str | None = None,
                 reply: bool = False, substantive: bool = False) -> str:
    """A comment: a reply in one's own thread, a substantive comment (an experience, an
    opinion, a question: 20–35 words) or, now and then, a short one ("Congrats!")."""
    _check(lang, COMMENT_LANGS if substantive else LANGS)
    if reply:
        text = rng.choice(_REPLIES[lang]).format(first=mention or "")
        return text.replace(" ,", ",")
    if substantive or rng.random() < 0.6:
        text = _fill(rng, rng.choice(_COMMENTS[lang]), lang)
    else:
        text = rng.choice(_SHORT_COMMENTS[lang])
    return f"{mention} {text}" if mention else text


def article(rng: random.Random, lang: str) -> tuple[str, str]:
    """(title, body) of a published article."""
    _check(lang)
    title, body = _ARTICLES[lang]
    keyword, years = rng.choice(_KEYWORDS[lang]), rng.randint(5, 15)
    return (title.format(n=years, kw=keyword.split(" ", 1)[-1]),
            body.format(n=years, kw=keyword))


def event_name(rng: random.Random, lang: str) -> str:
    _check(lang)
    return _fill(rng, _EVENTS[lang], lang)
