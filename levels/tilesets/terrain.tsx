<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="terrain" tilewidth="32" tileheight="32" tilecount="80" columns="16">
 <image source="../../assets/tiles/terrain.png" width="512" height="160"/>
 <tile id="0" type="asphalt">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="1" type="sidewalk">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="2" type="grass">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="3" type="sand">
  <properties>
    <property name="surface" propertytype="Surface" value="sand"/>
  </properties>
 </tile>
 <tile id="4" type="water">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="5" type="asphalt_cracked" probability="0.15">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="6" type="asphalt_manhole" probability="0.05">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="7" type="asphalt_patched" probability="0.1">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="8" type="sidewalk_worn" probability="0.2">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="9" type="grass_dark" probability="0.3">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="10" type="road_0001">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="11" type="road_0010">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="12" type="road_0011">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="13" type="road_0100">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="14" type="road_0101">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="15" type="road_0110">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="16" type="road_0111">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="17" type="road_1000">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="18" type="road_1001">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="19" type="road_1010">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="20" type="road_1011">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="21" type="road_1100">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="22" type="road_1101">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="23" type="road_1110">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="24" type="park_0001">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="25" type="park_0010">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="26" type="park_0011">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="27" type="park_0100">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="28" type="park_0101">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="29" type="park_0110">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="30" type="park_0111">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="31" type="park_1000">
  <properties>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="32" type="park_1001">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="33" type="park_1010">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="34" type="park_1011">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="35" type="park_1100">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="36" type="park_1101">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="37" type="park_1110">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="38" type="shore_0001">
  <properties>
    <property name="surface" propertytype="Surface" value="sand"/>
  </properties>
 </tile>
 <tile id="39" type="shore_0010">
  <properties>
    <property name="surface" propertytype="Surface" value="sand"/>
  </properties>
 </tile>
 <tile id="40" type="shore_0011">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="41" type="shore_0100">
  <properties>
    <property name="surface" propertytype="Surface" value="sand"/>
  </properties>
 </tile>
 <tile id="42" type="shore_0101">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="43" type="shore_0110">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="44" type="shore_0111">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="45" type="shore_1000">
  <properties>
    <property name="surface" propertytype="Surface" value="sand"/>
  </properties>
 </tile>
 <tile id="46" type="shore_1001">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="47" type="shore_1010">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="48" type="shore_1011">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="49" type="shore_1100">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="50" type="shore_1101">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="51" type="shore_1110">
  <properties>
    <property name="surface" propertytype="Surface" value="water"/>
  </properties>
 </tile>
 <tile id="52" type="track_0001">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="53" type="track_0010">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="54" type="track_0011">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="55" type="track_0100">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="56" type="track_0101">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="57" type="track_0110">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="58" type="track_0111">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="59" type="track_1000">
  <properties>
    <property name="surface" propertytype="Surface" value="grass"/>
  </properties>
 </tile>
 <tile id="60" type="track_1001">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="61" type="track_1010">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="62" type="track_1011">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="63" type="track_1100">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="64" type="track_1101">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <tile id="65" type="track_1110">
  <properties>
    <property name="surface" propertytype="Surface" value="asphalt"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="Road" type="corner" tile="0">
   <wangcolor name="asphalt" color="#404652" tile="0" probability="1"/>
   <wangcolor name="sidewalk" color="#9a9ca4" tile="1" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="5" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="6" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="7" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="8" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="10" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="11" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="12" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="13" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="14" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="15" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="16" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="17" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="18" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="19" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="20" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="21" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="22" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="23" wangid="0,1,0,1,0,2,0,1"/>
  </wangset>
  <wangset name="Park" type="corner" tile="2">
   <wangcolor name="grass" color="#2e6a3c" tile="2" probability="1"/>
   <wangcolor name="sidewalk" color="#9a9ca4" tile="1" probability="1"/>
   <wangtile tileid="2" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="9" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="8" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="24" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="25" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="26" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="27" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="28" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="29" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="30" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="31" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="32" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="33" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="34" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="35" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="36" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="37" wangid="0,1,0,1,0,2,0,1"/>
  </wangset>
  <wangset name="Shore" type="corner" tile="4">
   <wangcolor name="water" color="#1c3c6a" tile="4" probability="1"/>
   <wangcolor name="sand" color="#c8b48c" tile="3" probability="1"/>
   <wangtile tileid="4" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="3" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="38" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="39" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="40" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="41" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="42" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="43" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="44" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="45" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="46" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="47" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="48" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="49" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="50" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="51" wangid="0,1,0,1,0,2,0,1"/>
  </wangset>
  <wangset name="Track" type="corner" tile="0">
   <wangcolor name="asphalt" color="#404652" tile="0" probability="1"/>
   <wangcolor name="grass" color="#2e6a3c" tile="2" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="5" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="6" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="7" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="9" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="52" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="53" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="54" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="55" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="56" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="57" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="58" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="59" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="60" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="61" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="62" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="63" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="64" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="65" wangid="0,1,0,1,0,2,0,1"/>
  </wangset>
 </wangsets>
</tileset>
