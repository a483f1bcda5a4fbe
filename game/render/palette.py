"""Colours: Drive's night: hot pink and cyan neon over deep blue-black."""

NEON_PINK = (255, 42, 109)
NEON_CYAN = (5, 217, 232)
NEON_PURPLE = (160, 60, 255)
AMBER = (255, 176, 56)
NIGHT_INK = (8, 6, 20)  #: background beyond the map, menu backdrop
PANEL = (12, 10, 28)  #: HUD panels (drawn with alpha)
TEXT = (236, 230, 255)
TEXT_DIM = (150, 140, 185)

#: multiplied over the world at night: what unlit ground keeps of its colour (0..255)
NIGHT_AMBIENT = (78, 72, 120)
HEADLIGHT = (255, 236, 190)
TAIL_LIGHT = (255, 30, 40)
STREET_LAMP = (255, 178, 96)  #: sodium-vapour orange, LA's streets
POLICE_RED = (255, 24, 40)
POLICE_BLUE = (40, 90, 255)
SPARK = (255, 214, 120)
SMOKE = (70, 70, 78)
SKID = (4, 4, 6)  #: rubber on asphalt: darker than the darkest road tile
RADIO = (130, 175, 255)  #: police radio text
ROUTE = (255, 196, 96)  #: the way to the objective, on the minimap and the map
CREW = (120, 255, 170)  #: the crew on foot, on the maps
