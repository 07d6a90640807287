//! The vocabulary of synthetic reports: member countries in their
//! spellings, cities, organizations, months, thematic areas, document kinds,
//! what members are asked for, status phrases and filler sentences.

/// The eleven CRM member countries: ISO code and the spellings reports use
/// (the first is the usual one).
pub(crate) const MEMBERS: [(&str, &[&str]); 11] = [
    ("BZ", &["Belice"]),
    ("CA", &["Canadá", "Canada"]),
    ("CR", &["Costa Rica"]),
    ("SV", &["El Salvador"]),
    (
        "US",
        &["Estados Unidos", "Estados Unidos de América", "EE.UU."],
    ),
    ("GT", &["Guatemala"]),
    ("HN", &["Honduras"]),
    ("MX", &["México", "Mexico", "MÉXICO"]),
    ("NI", &["Nicaragua"]),
    ("PA", &["Panamá", "Panama"]),
    (
        "DO",
        &[
            "República Dominicana",
            "Republica Dominicana",
            "Rep. Dominicana",
        ],
    ),
];

/// Cities by member (same order as [`MEMBERS`]).
pub(super) const CITIES: [&[&str]; 11] = [
    &["Belmopan", "Ciudad de Belice"],
    &["Ottawa", "Montreal"],
    &["San José", "Heredia"],
    &["San Salvador"],
    &["Washington", "Miami"],
    &["Antigua", "Ciudad Guatemala"],
    &["Tegucigalpa", "Roatán"],
    &["Cancún", "Puebla", "Oaxaca"],
    &["Managua", "Montelimar"],
    &["Ciudad de Panamá"],
    &["Santo Domingo"],
];

/// Organizations as reports name them (acronyms of the gazetteer), with
/// their article.
pub(super) const ORGS: [&str; 12] = [
    "la OIM",
    "la CEPAL",
    "el CELADE",
    "el BID",
    "la OCAM",
    "el ACNUR",
    "el SICA",
    "la RROCM",
    "la OCED",
    "el PIPM",
    "la Organización Internacional para las Migraciones (OIM)",
    "la CEPAL/CELADE",
];

/// Thematic areas: a roman section each, and the topics of its agreements.
pub(super) const AREAS: [(&str, &[&str]); 6] = [
    (
        "Políticas y Gestión Migratoria",
        &[
            "Retorno de Migrantes Extrarregionales",
            "Retorno Digno, Seguro y Ordenado de Migrantes Regionales",
            "Modernización de la Gestión Migratoria",
            "Documentos de Viaje y Requisitos de Visa",
            "Control Migratorio en Puestos Fronterizos",
            "Intercambio de Estadísticas sobre Flujos Migratorios",
            "Capacitación Coordinada de Funcionarios de Migración",
            "Consulado Centroamericano",
        ],
    ),
    (
        "Derechos Humanos",
        &[
            "Protección de los Derechos Humanos de los Migrantes",
            "Protección Consular en la Región",
            "Menores Migrantes No Acompañados",
            "Situaciones de Intercepción, Detención, Deportación y Recepción",
            "Atención a Víctimas de la Trata de Personas",
            "Mujeres Migrantes y sus Familias",
            "Trabajadores Migratorios Temporales",
        ],
    ),
    (
        "Migración y Desarrollo",
        &[
            "Remesas y Desarrollo Local",
            "Cooperación Transfronteriza",
            "Sector Privado ante los Retos del Fenómeno Migratorio",
            "Información Estadística sobre las Migraciones",
            "Migración Laboral en Mesoamérica",
            "Integración de Migrantes Retornados",
        ],
    ),
    (
        "Combate al Tráfico Ilícito de Migrantes y la Trata de Personas",
        &[
            "Combate al Tráfico Ilícito de Migrantes",
            "Explotación Sexual Comercial de Niños, Niñas y Adolescentes",
            "Campañas Públicas de Información sobre los Riesgos de la Migración Irregular",
            "Base de Datos Regional sobre Redes de Tráfico",
            "Cooperación Policial y Judicial contra la Trata",
        ],
    ),
    (
        "Promoción de la Convergencia de esfuerzos en los Procesos Regionales sobre Migración",
        &[
            "Convergencia de los Procesos Regionales en las Américas en Materia Migratoria",
            "Diálogo con la Conferencia Sudamericana sobre Migraciones",
            "Cooperación con Organismos Extrarregionales",
        ],
    ),
    (
        "Cooperación Técnica y Fortalecimiento Institucional",
        &[
            "Fortalecimiento de la Secretaría Técnica",
            "Secretaría Virtual de la CRM",
            "Glosario de Términos Migratorios",
            "Evaluación del Plan de Acción de la CRM",
        ],
    ),
];

/// Kinds of titled documents an agreement adopts or asks for.
pub(super) const DOC_KINDS: [&str; 12] = [
    "Marco de Ejecución del Programa de",
    "Lineamientos Generales para",
    "Plan de Acción sobre",
    "Programa Regional de",
    "Propuesta de Proyecto sobre",
    "Manual de Procedimientos para",
    "Memorándum de Entendimiento sobre",
    "Estudio Regional sobre",
    "Guía de Buenas Prácticas en",
    "Términos de Referencia para",
    "Protocolo Regional de",
    "Matriz de Seguimiento de",
];

pub(super) const QUALIFIERS: [&str; 10] = [
    "",
    " en Centroamérica",
    " en Mesoamérica",
    " en la Región",
    " por Vía Terrestre",
    " en las Américas",
    " entre los Países Miembros de la CRM",
    " con Perspectiva Regional",
    " (Versión Revisada)",
    " para el Período 2003–2005",
];

/// What member countries are asked to send.
pub(super) const ASKED_FOR: [&str; 8] = [
    "estadísticas sobre flujos de migrantes extrarregionales",
    "sus comentarios y observaciones",
    "una lista de necesidades de capacitación",
    "información que identifique a los países que dificultan la expedición de documentación de viaje",
    "los nombres de sus funcionarios de enlace",
    "sus contribuciones financieras",
    "un informe sobre los avances nacionales",
    "propuestas de capacitación",
];

/// Status of a request for responses, in the report's many ways of saying it.
/// `{p}`, `{q}`, `{r}` are member countries, `{f}` a date.
pub(super) const STATUS: [&str; 16] = [
    "Con una excepción, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.",
    "Hasta el momento, sólo se ha recibido respuesta de dos países miembros.",
    "No se recibió comunicación alguna.",
    "{p} y {q} enviaron sus estadísticas; queda pendiente la respuesta de los demás países miembros.",
    "El asunto continúa pendiente.",
    "A la fecha no se ha recibido ninguna respuesta.",
    "Aún no se han recibido las respuestas de más de la mitad de los países miembros.",
    "{p} envió sus comentarios el {f}.",
    "Con excepción de {p}, todos los países miembros enviaron la información solicitada.",
    "Sólo {p} ha respondido hasta la fecha.",
    "Se recibieron respuestas de {p}, {q} y {r}, cuya información se publicó en la Secretaría Virtual.",
    "Todos los países miembros respondieron a esta solicitud.",
    "Con dos excepciones, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.",
    "Se ha recibido respuesta de tres países miembros, y de uno más se ha recibido confirmación de que está en proceso.",
    "La actividad se realizó según lo previsto.",
    "Aún está pendiente.",
];

/// Sentences that carry no fact of their own but make up the bulk of a report.
pub(super) const FILLER: [&str; 22] = [
    "La Coordinadora del Proyecto SIEMCA complementará el informe con una presentación oral.",
    "En lo referente al Proyecto Sistema de Información Estadística sobre las Migraciones en Centroamérica (SIEMCA), {o} y {o2} recién firmaron un acuerdo a fin de realizar un diagnóstico.",
    "La Presidencia Pro-Témpore sigue brindándole todo su apoyo y cooperación a este tema.",
    "Se insta a los otros países miembros a hacer lo mismo.",
    "Este es un tema de acción que se propuso dentro del borrador de plan de acción.",
    "Una copia del documento se publicó en el sitio de la Secretaría Virtual.",
    "Este tópico será nuevamente objeto de discusión en esta reunión del GRCM, con aporte de {o}.",
    "Estos documentos se hicieron circular previo a esta reunión y están abiertos a comentarios o sugerencias de modificaciones provenientes de los países miembros.",
    "La recomendación dependerá del resultado de las deliberaciones vice ministeriales.",
    "Queda por realizar una consideración más extensa de las acciones recomendadas.",
    "Las delegaciones de {p} y {q} hicieron una presentación sobre este tema y ofrecieron compartir su experiencia.",
    "{P} está en la etapa final de completar su proceso de ratificación.",
    "{O} y {o2}, en coordinación con {p}, siguen trabajando en un informe final que refleje el consenso de los gobiernos participantes.",
    "Tal acuerdo sería un primer paso necesario para reafirmar el consenso y la cooperación que se requiere en la región.",
    "Del mismo modo, {p} ya empezó un esfuerzo de diseño para darle impulso a este proyecto.",
    "La Secretaría Técnica ha preparado para su distribución una lista actualizada de las firmas y ratificaciones de los instrumentos internacionales pertinentes.",
    "El evento contó con una amplia participación de representantes de {n} gobiernos, de organizaciones intergubernamentales y de la sociedad civil.",
    "Estas estadísticas serían la base para un informe que los países patrocinadores les remitirían a los Viceministros acerca de los patrones y retos del tráfico ilícito y la trata de migrantes.",
    "Si esta situación no se corrige pronto, con el tiempo esto tendrá un impacto negativo en las operaciones sostenidas y efectivas de la Secretaría Técnica.",
    "La Conferencia sirvió como un medio efectivo de crear conciencia sobre temas sobresalientes relacionados con la migración y la trata de personas en las Américas.",
    "El propósito es crear una oportunidad para intercambiar ideas sobre temas migratorios y el funcionamiento del proceso de la CRM.",
    "Gracias a la entusiasta participación de todos los asistentes, se produjo un plan de trabajo sustantivo para dos años.",
];
