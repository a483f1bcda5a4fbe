<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="structures" tilewidth="32" tileheight="32" tilecount="32" columns="8">
 <image source="../../assets/tiles/structures.png" width="256" height="128"/>
 <tile id="0" type="concrete">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="1" type="dirt">
  <properties>
    <property name="surface" propertytype="Surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="2" type="deep_water">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="3" type="asphalt_shadow">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
    <property name="shadow" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="4" type="concrete_shadow">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
    <property name="shadow" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5" type="pillar_shadow">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
    <property name="shadow" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6" type="deck">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="7" type="deck_joint">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="8" type="median">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="9" type="river_floor">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="10" type="river_trickle">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="11" type="river_floor_shadow">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
    <property name="shadow" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12" type="river_trickle_shadow">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
    <property name="shadow" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13" type="river_ramp">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="14" type="river_wall_w_top">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="15" type="river_wall_e_top">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="16" type="river_wall_w_low">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="17" type="river_wall_e_low">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="18" type="garage_floor">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="19" type="garage_oil">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="20" type="garage_pillar">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="21" type="garage_wall">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="22" type="safer_wall">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="23" type="grandstand">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="24" type="pit_wall">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="25" type="cliff">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="26" type="scrub">
  <properties>
    <property name="surface" propertytype="Surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="27" type="rails">
  <properties>
    <property name="surface" propertytype="Surface" value="dirt"/>
  </properties>
 </tile>
 <tile id="28" type="ramp">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
</tileset>
