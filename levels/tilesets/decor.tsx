<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="decor" tilewidth="32" tileheight="32" tilecount="32" columns="8">
 <image source="../../assets/tiles/decor.png" width="256" height="128"/>
 <tile id="0" type="ac_unit"/>
 <tile id="1" type="skylight_lit"/>
 <tile id="2" type="skylight_dark"/>
 <tile id="3" type="water_tank"/>
 <tile id="4" type="neon_pink"/>
 <tile id="5" type="neon_cyan"/>
 <tile id="6" type="vent"/>
 <tile id="7" type="palm"/>
 <tile id="8" type="palm_b"/>
 <tile id="9" type="tree"/>
 <tile id="10" type="crowd_a"/>
 <tile id="11" type="crowd_b"/>
 <tile id="12" type="neon_pool_pink"/>
 <tile id="13" type="neon_pool_cyan"/>
 <tile id="14" type="sodium_pool"/>
 <tile id="15" type="glow_nw"/>
 <tile id="16" type="glow_ne"/>
 <tile id="17" type="glow_se"/>
 <tile id="18" type="glow_sw"/>
 <tile id="19" type="rail_n"/>
 <tile id="20" type="rail_e"/>
 <tile id="21" type="rail_s"/>
 <tile id="22" type="rail_w"/>
 <tile id="23" type="helipad_nw"/>
 <tile id="24" type="helipad_ne"/>
 <tile id="25" type="helipad_sw"/>
 <tile id="26" type="helipad_se"/>
 <tile id="27" type="graffiti_a"/>
 <tile id="28" type="graffiti_b"/>
 <tile id="29" type="graffiti_c"/>
 <tile id="30" type="lifeguard_tower"/>
</tileset>
