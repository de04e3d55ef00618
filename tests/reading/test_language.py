"""A resume in another language is flagged ``not-english``, and is not given English advice."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import STRONG_RESUME, write
from resume_match.cli import cli
from resume_match.reading import read_document

SPANISH = """CURRICULUM VITAE
Lucía Fernández
Recepcionista de clínica médica con cinco años de experiencia en la atención de pacientes.
EXPERIENCIA
Recepcionista, Clínica San Rafael, Madrid, 2019 - actualidad
Atención telefónica y presencial de los pacientes, gestión de la agenda de citas médicas y
registro de los datos personales en el sistema de historias clínicas.
Verificación de los seguros médicos y cobro de las consultas, con cierre de caja diario.
Auxiliar administrativa, Centro de Salud del Norte, 2016 - 2019
Archivo de documentos, atención al público y apoyo a los médicos en la organización del trabajo.
FORMACIÓN
Técnico Superior en Documentación Sanitaria, Instituto de Formación Profesional, 2016
IDIOMAS
Español nativo, inglés intermedio. Manejo de Office y de programas de gestión de citas.
"""

FRENCH = """Camille Martin
Secrétaire médicale
EXPÉRIENCE PROFESSIONNELLE
Secrétaire médicale, Cabinet du Docteur Moreau, Lyon, depuis 2018
Accueil des patients au cabinet et au téléphone, prise des rendez-vous dans le logiciel
et gestion de l'agenda des médecins. Saisie des dossiers des patients et mise à jour des
informations administratives. Vérification des droits auprès des mutuelles et encaissement
des consultations. Agent d'accueil, Hôpital de la Croix-Rousse, 2014 - 2018
Orientation des patients et des familles dans le service des urgences, enregistrement des
admissions et classement des documents. FORMATION
BTS Assistant de gestion, Lycée Jean Moulin, 2014. Maîtrise du pack Office et des logiciels
de gestion des rendez-vous. Langues : français, anglais courant, notions d'espagnol.
"""

GERMAN = """Jonas Becker
Medizinischer Fachangestellter
BERUFSERFAHRUNG
Empfang und Verwaltung, Praxis Dr. Schneider, Hamburg, seit 2017
Empfang der Patienten in der Praxis und am Telefon, Vergabe der Termine und Pflege des
Terminkalenders. Aufnahme der Patientendaten in die Praxissoftware und Abrechnung mit den
Krankenkassen. Medizinischer Fachangestellter, Klinikum Nord, 2013 - 2017
Organisation der Sprechstunde, Betreuung der Patienten bei der Anmeldung und Ablage der
Befunde. Zusammenarbeit mit den Ärzten und dem Pflegeteam auf der Station.
AUSBILDUNG
Ausbildung zum Medizinischen Fachangestellten, Berufsschule Hamburg, 2013
KENNTNISSE
Sicherer Umgang mit dem Computer und der Software für die Verwaltung, Englisch gut.
"""

# English, with a title set vertically down the margin: one letter a line.
VERTICAL_TITLE = "\n".join("RESUME") + "\n" + STRONG_RESUME * 2

# English, with Spanish names of people and places in it.
SPANISH_NAMES = (
    STRONG_RESUME
    + "EDUCATION\nUniversidad de la Sabana, Bogota; Colegio de San Jose de la Montana\n"
    + "Volunteer at Clinica de la Mujer, Hospital del Nino\n"
)


@pytest.mark.parametrize(
    ("name", "text", "language"),
    [("es.txt", SPANISH, "Spanish"), ("fr.txt", FRENCH, "French"), ("de.txt", GERMAN, "German")],
)
def test_a_resume_in_another_language_is_flagged(
    tmp_path: Path, name: str, text: str, language: str
) -> None:
    flags = read_document(write(tmp_path, name, text)).flags
    messages = [flag.message for flag in flags if flag.kind == "not-english"]
    assert messages and f"reads as {language}" in messages[0]


@pytest.mark.parametrize("text", [STRONG_RESUME * 2, VERTICAL_TITLE, SPANISH_NAMES])
def test_english_resumes_are_not_flagged(tmp_path: Path, text: str) -> None:
    flags = read_document(write(tmp_path, "en.txt", text)).flags
    assert "not-english" not in {flag.kind for flag in flags}


def test_a_spanish_resume_gets_no_english_advice(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(write(tmp_path, "es.txt", SPANISH))])
    assert result.exit_code == 0
    assert "reads as Spanish" in result.output
    assert "Missing" not in result.output


def test_single_letters_do_not_make_a_text_english(tmp_path: Path) -> None:
    # A column of single letters ("a", "I" among them) once outweighed the Spanish words.
    text = "\n".join("CURRICULUM VITAE A I A I") + "\n" + SPANISH
    flags = read_document(write(tmp_path, "es.txt", text)).flags
    assert "not-english" in {flag.kind for flag in flags}
