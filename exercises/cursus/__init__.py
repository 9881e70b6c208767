"""Hulpfuncties voor de oefennotebooks van de training "Sociale media en mentale gezondheid".

Elke module heeft een eigen onderdeel:

- ``cursus.spectrum``  module 1: situaties op het spectrum plaatsen
- ``cursus.cirkel``    module 2: een vicieuze cirkel in kaart brengen
- ``cursus.stemming``  module 3: stemming door de tijd (gesimuleerde metingen)
- ``cursus.dagboek``   module 4: je eigen gebruikspatroon in kaart (het bestand lezen:
  ``cursus.dagboek_lezen``)

Alle functies geven bij een fout een korte Nederlandse uitleg in één regel, nooit een
lange foutmelding. Ze veranderen of verwijderen nooit een bestand van de deelnemer.
"""

from cursus._basis import InvoerFout

__all__ = ["InvoerFout"]
